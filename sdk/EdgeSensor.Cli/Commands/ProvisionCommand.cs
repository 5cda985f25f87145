using System.CommandLine;
using EdgeSensor.Sdk.Client;
using Spectre.Console;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Cli.Commands;

/// <summary><c>edgesensor provision</c>: new device id and root key, registered in the key store, bundle written.</summary>
internal static class ProvisionCommand
{
    public static Command Create(CliContext context)
    {
        var site = new Option<string>("--site", "-s") { Description = "Site of the device (a-z, 0-9, '-', '_'; used in its topic).", Required = true };
        var keyStore = KeyStoreOption.Create();
        var bundle = new BundleOptions();
        var command = new Command("provision", "Create a device: random 64-bit id and 256-bit root key, register it in the key store (created if missing) and write the configuration bundle v2 the firmware loads (I:\\edgesensor\\device.json on the device).");
        command.Options.Add(site);
        command.Options.Add(keyStore);
        bundle.AddTo(command);
        command.SetAction(parse =>
        {
            string siteName = parse.GetValue(site)!;
            if (!ReportTopics.IsValidSite(siteName))
            {
                throw new CliException("A site is 1..64 characters of a-z, 0-9, '-' and '_'.", ExitCodes.Usage);
            }

            var settings = bundle.Build(parse, context);
            string keyStorePath = context.ResolveKeyStorePath(parse.GetValue(keyStore));
            bundle.CheckOut(parse, keyStorePath);
            using var store = context.OpenKeyStore(parse.GetValue(keyStore), createIfMissing: true);
            var device = store.Provision(siteName);
            string path;
            try
            {
                path = bundle.Write(parse, settings, device, keyStorePath);
            }
            catch
            {
                // No bundle, no device: a device only the key store knows could never be flashed.
                store.Remove(device.DeviceId);
                throw;
            }

            var table = new Table().AddColumns("device", "site", "topic", "bundle");
            table.AddRow(device.DeviceIdText, device.Site, Markup.Escape(ReportTopics.ForDevice(device.Site, device.DeviceId)), Markup.Escape(path));
            context.Console.Write(table);
            context.Console.MarkupLine("[yellow]The bundle holds secrets (the device's root key, the Wi-Fi and MQTT passwords): deploy it to the device, then delete it (docs/provisioning.md).[/]");
            return ExitCodes.Success;
        });
        return command;
    }
}
