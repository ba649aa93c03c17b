namespace Slipway.Build;

/// <summary>
/// A step a workflow job needs before its targets run, declared by the component whose tool needs it (through
/// <see cref="WorkflowJobAttribute.SetupSteps"/>), so that the engine writes it without knowing the tool. It may use the
/// actions of <see cref="ActionPins"/>, pinned as every action is.
/// </summary>
public interface IWorkflowSetupStep
{
    Workflows.Step Create(ActionPins pins);
}
