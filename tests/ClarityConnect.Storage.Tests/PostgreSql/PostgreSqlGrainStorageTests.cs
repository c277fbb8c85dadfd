using ClarityConnect.Silo.Storage;
using ClarityConnect.Storage.Tests.Conformance;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Storage;

namespace ClarityConnect.Storage.Tests.PostgreSql;

/// <summary>
/// The grain storage conformance suite against the PostgreSQL profile: Orleans' ADO.NET grain storage over the
/// project's schema, wrapped as <see cref="PostgreSqlSiloBuilderExtensions.UsePostgreSqlStorage"/> wires it.
/// </summary>
public sealed class PostgreSqlGrainStorageTests(PostgresDatabaseFixture database)
    : GrainStorageConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    [SkippableFact]
    public async Task With_delete_state_on_clear_the_row_is_removed_and_the_grain_can_start_afresh()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId(), deleteStateOnClear: true);
        var grain = TestGrainIds.StringKeyed();
        var state = new GrainState<TestState>(new TestState { Name = "to-delete" });
        await storage.WriteStateAsync("state", grain, state);
        var stale = new GrainState<TestState>(new TestState(), state.ETag);

        await storage.ClearStateAsync("state", grain, state);

        Assert.Null(state.ETag);
        var read = new GrainState<TestState>();
        await storage.ReadStateAsync("state", grain, read);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("state", grain, stale));
        read.State = new TestState { Name = "afresh" };
        await storage.WriteStateAsync("state", grain, read);
        Assert.NotNull(read.ETag);
    }

    protected override Task<IGrainStorage> CreateStorageAsync(string serviceId) => CreateStorageAsync(serviceId, deleteStateOnClear: false);

    private async Task<IGrainStorage> CreateStorageAsync(string serviceId, bool deleteStateOnClear)
    {
        var adoNet = new AdoNetGrainStorage(
            OrleansServices.ActivatorProvider,
            NullLogger<AdoNetGrainStorage>.Instance,
            Options.Create(new AdoNetGrainStorageOptions
            {
                Invariant = PostgreSqlSiloBuilderExtensions.AdoNetInvariant,
                ConnectionString = database.ConnectionString,
                GrainStorageSerializer = OrleansServices.GrainStorageSerializer,
                DeleteStateOnClear = deleteStateOnClear,
            }),
            Options.Create(new ClusterOptions { ClusterId = "test", ServiceId = serviceId }),
            "Default");
        var storage = new GrainTypeQualifiedGrainStorage(adoNet);

        // The provider loads its statements from OrleansQuery when the silo lifecycle starts it.
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        storage.Participate(lifecycle);
        await lifecycle.OnStart();
        return storage;
    }

    protected override Task SimulateProcessRestartAsync()
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        NpgsqlConnection.ClearPool(connection);
        return Task.CompletedTask;
    }
}
