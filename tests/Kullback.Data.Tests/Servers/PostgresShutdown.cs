namespace Kullback.Data.Tests.Servers;

/// <summary>How a test stops PostgreSQL (the signals of pg_ctl's shutdown modes).</summary>
public enum PostgresShutdown
{
    /// <summary>SIGINT: sessions are ended with an error (SQLSTATE 57P01), then a clean shutdown.</summary>
    Fast,

    /// <summary>SIGQUIT: every process quits at once, without a checkpoint; the next start recovers from the WAL.</summary>
    Immediate,
}
