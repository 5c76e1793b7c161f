using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProjectTracker.Clients.NSwag;

// The one workaround NSwag needs, by its design: with System.Text.Json it gives each enum property a string converter
// but not a list of enums (its generated code says "TODO(system.text.json): Add ItemConverterType"), so totals'
// groupBy (["district"]) would not read. The README's integration guide gives this same line.
// guide:nswag-enum-lists
public partial class ProjectTrackerClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => settings.Converters.Add(new JsonStringEnumConverter());
}
// end
