using Serilog;
using Slipway.Build.Hosts;
using Slipway.Build.Logging;
using Slipway.Build.Processes;

namespace Slipway.Build;

/// <summary>The state of one run, shared by the build object and its components.</summary>
public sealed class BuildContext(
    AbsolutePath rootDirectory,
    ILogger log,
    SecretMasker masker,
    IBuildHost host,
    ParameterSet parameters,
    IReadOnlyDictionary<string, string> environment)
{
    public AbsolutePath RootDirectory { get; } = rootDirectory;
    public ILogger Log { get; } = log;
    public SecretMasker Masker { get; } = masker;
    public IBuildHost Host { get; } = host;
    public ParameterSet Parameters { get; } = parameters;
    public IReadOnlyDictionary<string, string> Environment { get; } = environment;
    public ProcessRunner Processes { get; } = new(log, masker, rootDirectory);

    /// <summary>Programs on the PATH of <see cref="Environment"/>.</summary>
    public Executables Executables { get; } = new(environment);

    /// <summary>Identifies this run, e.g. in names of resources it creates, so two runs on one machine don't collide.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>The names of the targets this run executes (not those it skips), once planned.</summary>
    public IReadOnlySet<string> Scheduled { get; internal set; } = new HashSet<string>();

    /// <summary>All targets of the build, once discovered.</summary>
    public IReadOnlyList<TargetInfo> Targets { get; internal set; } = [];

    public CancellationToken CancellationToken { get; internal set; }

    internal Action<string>? ReportNote { get; set; }

    private readonly Dictionary<Type, object> _state = [];

    /// <summary>
    /// State one component's target leaves for another in the same run (components are interfaces and have no
    /// fields): one instance of <typeparamref name="T"/> per run, created on first use.
    /// </summary>
    public T State<T>() where T : class, new()
    {
        lock (_state)
        {
            if (!_state.TryGetValue(typeof(T), out var state)) _state[typeof(T)] = state = new T();
            return (T)state;
        }
    }
}
