namespace ClarityConnect.Storage.Tests.Conformance;

/// <summary>Grain ids of every key kind, unique per call so tests never meet each other's rows.</summary>
public static class TestGrainIds
{
    public static GrainId StringKeyed(string grainType = "test-session") =>
        GrainId.Create(grainType, $"key-{Guid.NewGuid():N}");

    public static GrainId GuidKeyed(string grainType = "test-guid") =>
        GrainId.Create(GrainType.Create(grainType), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid()));

    public static GrainId IntegerKeyed(long key, string? extension = null, string grainType = "test-integer") =>
        GrainId.Create(GrainType.Create(grainType), GrainIdKeyExtensions.CreateIntegerKey(key, extension));

    public static string NewServiceId() => $"svc-{Guid.NewGuid():N}";
}
