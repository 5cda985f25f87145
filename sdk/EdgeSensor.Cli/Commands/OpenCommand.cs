using System.Buffers.Binary;
using System.CommandLine;
using System.Globalization;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Reports;
using Spectre.Console;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Cli.Commands;

/// <summary><c>edgesensor open</c>: open one payload and explain the result.</summary>
internal static class OpenCommand
{
    private const int HeaderLength = 22;

    public static Command Create(CliContext context)
    {
        var keyStore = KeyStoreOption.Create();
        var hex = new Option<string?>("--hex") { Description = "The payload as hex digits (spaces and colons allowed)." };
        var file = new Option<FileInfo?>("--file", "-f") { Description = "A file holding the payload: raw bytes, or hex text." };
        var topic = new Option<string?>("--topic") { Description = "The topic it arrived on, to check it names the sealing device." };
        var command = new Command("open", "Open one payload (from --hex or --file) with the key store and explain why it would be accepted or rejected.");
        foreach (Option option in new Option[] { keyStore, hex, file, topic })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            byte[] payload = ReadPayload(parse.GetValue(hex), parse.GetValue(file));
            using var store = context.OpenKeyStore(parse.GetValue(keyStore), createIfMissing: false);
            using var opener = new ReportOpener(store);
            var result = opener.Open(payload);

            var header = new Table().AddColumns("field", "value").Title("clear header (authenticated only if accepted)");
            header.AddRow("length", payload.Length.ToString(CultureInfo.InvariantCulture) + " bytes");
            if (payload.Length >= HeaderLength)
            {
                header.AddRow("version", payload[0].ToString(CultureInfo.InvariantCulture));
                header.AddRow("flags", ReportText.Flags(payload[1]));
                ulong deviceId = BinaryPrimitives.ReadUInt64LittleEndian(payload.AsSpan(2));
                bool known = store.TryGetDevice(deviceId, out var record);
                header.AddRow("device", ReportTopics.FormatDeviceId(deviceId) + (known ? $" (site {record!.Site}, {record.Status.ToString().ToLowerInvariant()})" : " (not in key store)"));
                header.AddRow("epoch", BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(10)).ToString(CultureInfo.InvariantCulture));
                header.AddRow("sequence", BinaryPrimitives.ReadUInt64LittleEndian(payload.AsSpan(14)).ToString(CultureInfo.InvariantCulture));
            }

            context.Console.Write(header);
            if (!result.Success)
            {
                context.Console.MarkupLine($"[red]Rejected: {result.Reason}[/]");
                context.Console.WriteLine(Explain(result.Reason));
                return ExitCodes.Rejected;
            }

            var r = result.Report;
            string? topicText = parse.GetValue(topic);
            if (topicText is not null && (!ReportTopics.TryParse(topicText, out string site, out ulong topicDevice) || topicDevice != r.DeviceId
                || !store.TryGetDevice(r.DeviceId, out var owner) || owner.Site != site))
            {
                context.Console.MarkupLine("[red]Rejected: topic mismatch[/]");
                context.Console.WriteLine("The report is authentic, but the topic does not name this device in its own site: a broker ACL or device configuration error.");
                return ExitCodes.Rejected;
            }

            var body = new Table().AddColumns("field", "value").Title("report (authenticated)");
            body.AddRow("window", $"{r.WindowStart.UtcDateTime:u} + {r.WindowLength.TotalSeconds:0} s");
            body.AddRow("entries / exits", $"{ReportText.Counter(r, r.Entries, SuppressedCounters.Entries)} / {ReportText.Counter(r, r.Exits, SuppressedCounters.Exits)}");
            body.AddRow("occupancy at end / peak", $"{ReportText.Counter(r, r.OccupancyAtEnd, SuppressedCounters.OccupancyAtEnd)} / {ReportText.Counter(r, r.PeakOccupancy, SuppressedCounters.PeakOccupancy)}");
            body.AddRow("PIR activity", (r.Suppressed & SuppressedCounters.PirActivity) != 0 ? "withheld" : $"{r.PirActivityPermille} ‰");
            body.AddRow("disclosure", Markup.Escape(ReportText.Disclosure(r)));
            body.AddRow("health", ReportText.Health(r));
            context.Console.Write(body);
            context.Console.MarkupLine("[green]Accepted[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Explain(RejectionReason reason) => reason switch
    {
        RejectionReason.Malformed => "The payload is not a well-formed v1 report: its length is outside 73..256 bytes (75..256 with flag 0x01), or a decrypted field is out of range (a faulty device).",
        RejectionReason.UnsupportedVersion => "The first byte (format version) is not 1, or a critical flag other than 0x01 is set: the payload comes from newer firmware or is not an EdgeSensor report.",
        RejectionReason.UnknownDevice => "No device with this id is in the key store: provision it, or use the key store the device was provisioned with.",
        RejectionReason.DeviceRevoked => "The device was revoked ('edgesensor devices revoke'); its reports are refused.",
        RejectionReason.EpochRolledBack => "The key epoch is older than one already accepted: an old report replayed, or a device restored from a backup.",
        RejectionReason.EpochTooFarAhead => "The key epoch is implausibly far ahead of the last accepted one: a forged header or a device with a broken clock.",
        RejectionReason.AuthenticationFailed => "The authentication tag does not verify: the payload was altered, forged, or sealed under another root key (was the device rotated or re-provisioned?).",
        RejectionReason.Replayed => "This (device, epoch, sequence) was already accepted: a duplicate or a replay.",
        _ => "Unknown reason.",
    };

    private static byte[] ReadPayload(string? hex, FileInfo? file)
    {
        if ((hex is null) == (file is null))
        {
            throw new CliException("Give exactly one of --hex or --file.", ExitCodes.Usage);
        }

        if (file is not null)
        {
            if (!file.Exists)
            {
                throw new CliException($"No file '{file.FullName}'.", ExitCodes.Usage);
            }

            byte[] bytes = BoundedFile.ReadAtMost(file.FullName, MaxFileBytes)
                ?? throw new CliException($"The file is larger than {MaxFileBytes} bytes: too large to be a report.", ExitCodes.Usage);

            string asText = System.Text.Encoding.ASCII.GetString(bytes);
            return TryHex(asText, out byte[] fromHex) ? fromHex : bytes;
        }

        return TryHex(hex!, out byte[] parsed) ? parsed : throw new CliException("--hex must be an even number of hex digits.", ExitCodes.Usage);
    }

    /// <summary>The largest --file read: a report is 73 bytes, its hex text a few hundred.</summary>
    private const int MaxFileBytes = 64 * 1024;

    private static bool TryHex(string text, out byte[] bytes)
    {
        string digits = new(text.Where(c => !char.IsWhiteSpace(c) && c != ':' && c != '-').ToArray());
        bytes = [];
        if (digits.Length == 0 || digits.Length % 2 != 0 || !digits.All(Uri.IsHexDigit))
        {
            return false;
        }

        bytes = Convert.FromHexString(digits);
        return true;
    }
}
