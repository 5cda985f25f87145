using System.CommandLine;
using EdgeSensor.Sdk.Provisioning;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Keys;
using Spectre.Console;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Cli.Commands;

/// <summary><c>edgesensor devices list|revoke|rotate</c>.</summary>
internal static class DevicesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("devices", "List, revoke or rotate provisioned devices.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Revoke(context));
        command.Subcommands.Add(Rotate(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var keyStore = KeyStoreOption.Create();
        var site = new Option<string?>("--site", "-s") { Description = "Only this site." };
        var command = new Command("list", "List devices (never their keys).");
        command.Options.Add(keyStore);
        command.Options.Add(site);
        command.SetAction(parse =>
        {
            using var store = context.OpenKeyStore(parse.GetValue(keyStore), createIfMissing: false);
            string? only = parse.GetValue(site);
            var table = new Table().AddColumns("device", "site", "status", "created (UTC)", "changed (UTC)");
            int count = 0;
            foreach (var device in store.Devices.Where(d => only is null || d.Site == only))
            {
                store.TryGetTimes(device.DeviceId, out var created, out var changed);
                string status = device.Status == DeviceStatus.Active ? "[green]active[/]" : "[red]revoked[/]";
                table.AddRow(device.DeviceIdText, device.Site, status, created.ToString("u"), changed.ToString("u"));
                count++;
            }

            context.Console.Write(table);
            context.Console.MarkupLine($"{count} device(s)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var keyStore = KeyStoreOption.Create();
        var id = DeviceIdArgument();
        var command = new Command("revoke", "Revoke a device: consumers reject its reports from now on.");
        command.Options.Add(keyStore);
        command.Arguments.Add(id);
        command.SetAction(parse =>
        {
            ulong deviceId = ParseId(parse.GetValue(id)!);
            using var store = context.OpenKeyStore(parse.GetValue(keyStore), createIfMissing: false);
            if (store.Revoke(deviceId) is null)
            {
                throw new CliException($"No device {ReportTopics.FormatDeviceId(deviceId)} in the key store.", ExitCodes.Failure);
            }

            context.Console.MarkupLine($"Revoked {ReportTopics.FormatDeviceId(deviceId)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rotate(CliContext context)
    {
        var keyStore = KeyStoreOption.Create();
        var id = DeviceIdArgument();
        var bundle = new BundleOptions();
        var from = new Option<FileInfo?>("--from") { Description = "The device's current bundle: its disclosure settings and window are kept unless an option sets them (without it, --disclosure is required)." };
        var command = new Command("rotate", "Give a device a new root key and write its new configuration bundle v2 (deploy it to the device).");
        command.Options.Add(keyStore);
        command.Options.Add(from);
        command.Arguments.Add(id);
        bundle.AddTo(command);
        command.SetAction(parse =>
        {
            ulong deviceId = ParseId(parse.GetValue(id)!);
            if (parse.GetValue(from) is null && parse.GetResult(bundle.Disclosure) is not { Implicit: false })
            {
                // The key store keeps identities, not settings: without the current bundle a default could silently
                // replace what the device had (differential privacy, a higher k). Fail closed: ask.
                throw new CliException(
                    "devices rotate needs the device's current bundle (--from OLD.json) or an explicit --disclosure: the key store does not keep a device's privacy settings, and rotate never changes them unasked.",
                    ExitCodes.Usage);
            }

            var settings = bundle.Build(parse, context, Previous(parse.GetValue(from), deviceId));
            string keyStorePath = context.ResolveKeyStorePath(parse.GetValue(keyStore));
            bundle.CheckOut(parse, keyStorePath);
            using var store = context.OpenKeyStore(parse.GetValue(keyStore), createIfMissing: false);
            var rotated = store.Rotate(deviceId) ?? throw new CliException($"No device {ReportTopics.FormatDeviceId(deviceId)} in the key store.", ExitCodes.Failure);
            string path = bundle.Write(parse, settings, rotated, keyStorePath);
            context.Console.MarkupLine($"Rotated {rotated.DeviceIdText}; new bundle {Markup.Escape(path)}.");
            context.Console.MarkupLine("[yellow]Reports sealed under the old key are rejected from now on; the bundle holds secrets (the new root key, the Wi-Fi and MQTT passwords).[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The device's current bundle given with --from, checked to be this device's; null without --from.</summary>
    private static DeviceConfigurationBundle? Previous(FileInfo? file, ulong deviceId)
    {
        if (file is null)
        {
            return null;
        }

        DeviceConfigurationBundle previous;
        try
        {
            previous = DeviceConfigurationBundle.Read(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CliException($"--from {file.FullName}: {ex.Message}", ExitCodes.Usage);
        }

        return previous.DeviceId == ReportTopics.FormatDeviceId(deviceId)
            ? previous
            : throw new CliException($"--from {file.FullName} is the bundle of device {previous.DeviceId}, not {ReportTopics.FormatDeviceId(deviceId)}.", ExitCodes.Usage);
    }

    internal static Argument<string> DeviceIdArgument() => new("device-id") { Description = "Device id: 16 hex digits." };

    internal static ulong ParseId(string text) =>
        ReportTopics.TryParseDeviceId(text.Trim(), out ulong id) ? id : throw new CliException($"'{text}' is not a device id (16 hex digits).", ExitCodes.Usage);
}
