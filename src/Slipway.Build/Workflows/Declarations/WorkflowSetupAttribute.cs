namespace Slipway.Build;

/// <summary>
/// The target prepares the machine a job runs on (tools, engine, restores): instead of a job of its own, it runs in every
/// job that has a target depending on it, since each job gets a fresh runner. On a target property, or on a component
/// interface for its own targets.
/// </summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Property)]
public sealed class WorkflowSetupAttribute : Attribute;
