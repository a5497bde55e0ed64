// Source-generated metadata: no reflection over the content types at run time.
using System.Text.Json.Serialization;

namespace Hub.Client.Content;

[JsonSerializable(typeof(ReferralContent))]
internal sealed partial class ContentJsonContext : JsonSerializerContext;
