using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace ClarityConnect.Storage.Tests.Conformance;

/// <summary>
/// The Orleans services a storage provider needs outside a silo: the binary grain storage serializer that the
/// ClarityConnect host registers as its default, and the activators that create empty state.
/// </summary>
public static class OrleansServices
{
    private static readonly Lazy<IServiceProvider> Services = new(() => new ServiceCollection()
        .AddSerializer(serializer => serializer.AddAssembly(typeof(TestState).Assembly))
        .BuildServiceProvider());

    /// <summary>Orleans' binary serializer, as <see cref="IGrainStorageSerializer"/>.</summary>
    public static IGrainStorageSerializer GrainStorageSerializer { get; } =
        new OrleansGrainStorageSerializer(Services.Value.GetRequiredService<Serializer>());

    /// <summary>Creates empty grain state.</summary>
    public static IActivatorProvider ActivatorProvider => Services.Value.GetRequiredService<IActivatorProvider>();
}
