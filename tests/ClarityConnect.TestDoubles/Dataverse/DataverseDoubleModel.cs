using Microsoft.OData.Edm;

namespace ClarityConnect.TestDoubles.Dataverse;

/// <summary>Builds the EDM model (namespace <c>Microsoft.Dynamics.CRM</c>) of the double's tables, as Dataverse's <c>$metadata</c> would describe them.</summary>
internal static class DataverseDoubleModel
{
    public const string Namespace = "Microsoft.Dynamics.CRM";

    public static IEdmModel Build(IReadOnlyCollection<DataverseDoubleEntity> entities)
    {
        var model = new EdmModel();
        var container = new EdmEntityContainer(Namespace, "System");
        model.AddElement(container);
        var types = new Dictionary<string, EdmEntityType>(StringComparer.Ordinal);
        var sets = new Dictionary<string, EdmEntitySet>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            var type = new EdmEntityType(Namespace, entity.LogicalName);
            foreach (var attribute in entity.Attributes)
            {
                var property = type.AddStructuralProperty(attribute.PropertyName, Kind(attribute.AttributeType), isNullable: attribute.LogicalName != entity.PrimaryIdAttribute);
                if (attribute.LogicalName == entity.PrimaryIdAttribute)
                {
                    type.AddKeys(property);
                }
            }

            model.AddElement(type);
            types[entity.LogicalName] = type;
            sets[entity.LogicalName] = container.AddEntitySet(entity.EntitySetName, type);
        }

        foreach (var entity in entities)
        {
            foreach (var attribute in entity.Attributes.Where(a => a.IsLookup))
            {
                foreach (var target in attribute.LookupTargets.Where(types.ContainsKey))
                {
                    var navigation = types[entity.LogicalName].AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
                    {
                        Name = attribute.NavigationName(target),
                        Target = types[target],
                        TargetMultiplicity = EdmMultiplicity.ZeroOrOne,
                    });
                    sets[entity.LogicalName].AddNavigationTarget(navigation, sets[target]);
                }
            }
        }

        return model;
    }

    public static EdmPrimitiveTypeKind Kind(string attributeType) => attributeType switch
    {
        "Lookup" or "Customer" or "Owner" or "Uniqueidentifier" => EdmPrimitiveTypeKind.Guid,
        "DateTime" => EdmPrimitiveTypeKind.DateTimeOffset,
        "Boolean" => EdmPrimitiveTypeKind.Boolean,
        "Integer" or "Picklist" or "Status" or "State" => EdmPrimitiveTypeKind.Int32,
        "BigInt" => EdmPrimitiveTypeKind.Int64,
        "Decimal" or "Money" => EdmPrimitiveTypeKind.Decimal,
        "Double" => EdmPrimitiveTypeKind.Double,
        _ => EdmPrimitiveTypeKind.String,
    };
}
