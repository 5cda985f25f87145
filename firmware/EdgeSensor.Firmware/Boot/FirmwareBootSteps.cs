using System;
using System.Device.Gpio;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Lifecycle;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Storage;
using EdgeSensor.Firmware.Adapters;
using EdgeSensor.Firmware.Storage;
#if EDGESENSOR_CONFIGURATION_READER
using EdgeSensor.Core.Configuration;
#endif
#if EDGESENSOR_VL53L1X_DRIVER
using System.Device.I2c;
using System.Threading;
using EdgeSensor.Core.Drivers.Vl53l1x;
using EdgeSensor.Core.Reports;
using nanoFramework.Hardware.Esp32;
#endif

namespace EdgeSensor.Firmware.Boot
{
    /// <summary>
    /// The firmware's <see cref="IBootSteps"/>, and the one place that turns the configuration file (configuration
    /// bundle v2, read by <c>DeviceConfigurationReader</c>) into the device's parts: Wi-Fi credentials, the status LED,
    /// the pipeline (<see cref="NodeStarter"/>), the report topic, the MQTT transport and the sensors.
    /// The configuration reader and the VL53L1X driver are compiled in when the core has them
    /// (EDGESENSOR_CONFIGURATION_READER, EDGESENSOR_VL53L1X_DRIVER, set by the project file); a build without the
    /// reader halts at boot with <see cref="DeviceStatus.ConfigurationInvalid"/> rather than guess a configuration.
    /// </summary>
    internal sealed class FirmwareBootSteps : IBootSteps
    {
        private const int TofStartTimeoutMilliseconds = 3000;

        private readonly GpioController _gpio;
        private readonly IMonotonicClock _clock;
        private readonly StatusIndicator _indicator;
        private readonly WifiStation _wifi;
        private readonly HardwareRandom _hardwareRandom;
        private readonly PublisherSettings _publisherSettings;
#if EDGESENSOR_CONFIGURATION_READER
        private DeviceConfiguration? _configuration;

        // The file's bytes with "rootKey": null, written back once the store holds the key (RootKeyHandover).
        private byte[]? _configurationWithoutKey;
#endif

        public FirmwareBootSteps(GpioController gpio, IMonotonicClock clock, StatusIndicator indicator, WifiStation wifi, HardwareRandom hardwareRandom, PublisherSettings publisherSettings)
        {
            _gpio = gpio;
            _clock = clock;
            _indicator = indicator;
            _wifi = wifi;
            _hardwareRandom = hardwareRandom;
            _publisherSettings = publisherSettings;
        }

        /// <summary>The pipeline, once <see cref="StartNode"/> succeeded.</summary>
        public SensorNode? Node { get; private set; }

        /// <summary>The topic this device publishes to.</summary>
        public string Topic { get; private set; } = string.Empty;

        /// <summary>The device id (0 before the configuration is loaded).</summary>
        public ulong DeviceId { get; private set; }

        /// <summary>The broker session, built with the node.</summary>
        public MqttTransport? Transport { get; private set; }

        /// <summary>The ToF ranger (also when it did not start: the loop reports its silence).</summary>
        public ITofInput? Tof { get; private set; }

        /// <summary>The PIR input, or null when none is wired.</summary>
        public IPirInput? Pir { get; private set; }

        /// <inheritdoc />
        public DeviceStatus LoadConfiguration(out string detail)
        {
            byte[]? json;
            DeviceStatus status = ConfigurationFile.TryRead(out json, out detail);
            if (status != DeviceStatus.Running || json == null)
            {
                return status;
            }

#if EDGESENSOR_CONFIGURATION_READER
            DeviceConfiguration? configuration;
            bool read = DeviceConfigurationReader.TryRead(json, json.Length, out configuration, out detail);
            byte[]? withoutKey = null;
            string removal = string.Empty;
            if (read && configuration != null && !configuration.RootKeyRemoved && !RootKeyRemoval.TryRemove(json, json.Length, out withoutKey, out removal))
            {
                // The device still starts; the key stays in the file and the line says why.
                _indicator.Show(DeviceStatus.LoadingConfiguration, StatusCodes.LogLine(DeviceStatus.LoadingConfiguration, removal));
            }

            Array.Clear(json, 0, json.Length);
            if (!read || configuration == null)
            {
                Wipe(withoutKey);
                return DeviceStatus.ConfigurationInvalid;
            }

            string topic;
            if (!ReportTopic.TryBuild(configuration.Site, configuration.DeviceId, out topic, out detail))
            {
                Wipe(withoutKey);
                return DeviceStatus.ConfigurationInvalid;
            }

            if (configuration.Topic != topic)
            {
                // The SDK subscribes by site and device id: reports published elsewhere would never be read.
                detail = "Topic does not match site and device id (expected " + topic + ")";
                Wipe(withoutKey);
                return DeviceStatus.ConfigurationInvalid;
            }

            if (!_publisherSettings.TryValidate(configuration.WindowLengthSeconds, out detail))
            {
                Wipe(withoutKey);
                return DeviceStatus.ConfigurationInvalid;
            }

            _configuration = configuration;
            _configurationWithoutKey = withoutKey;
            Topic = topic;
            DeviceId = configuration.DeviceId;
            _wifi.SetCredentials(configuration.WifiSsid, configuration.WifiPassword);
            _indicator.AttachLed(_gpio, configuration.StatusLedPin);

            // The effective configuration at boot, without secrets (ESPHome's dump_config habit).
            detail = "device " + ReportTopic.FormatDeviceId(configuration.DeviceId) + ", site " + configuration.Site
                + ", broker " + configuration.BrokerHost + ":" + configuration.BrokerPort.ToString() + (configuration.BrokerUseTls ? " (TLS)" : " (plain)")
                + ", window " + configuration.WindowLengthSeconds.ToString() + " s, PIR pin " + configuration.PirPin.ToString()
                + ", I2C " + configuration.I2cDataPin.ToString() + "/" + configuration.I2cClockPin.ToString();
            _indicator.Show(DeviceStatus.LoadingConfiguration, StatusCodes.LogLine(DeviceStatus.LoadingConfiguration, detail));
            detail = string.Empty;
            return DeviceStatus.Running;
#else
            Array.Clear(json, 0, json.Length);
            detail = "built without the configuration reader (EdgeSensor.Core.Configuration)";
            return DeviceStatus.ConfigurationInvalid;
#endif
        }

        /// <inheritdoc />
        public DeviceStatus StartNode(uint nowUnixSeconds, out string detail)
        {
#if EDGESENSOR_CONFIGURATION_READER
            if (_configuration == null)
            {
                detail = "no configuration";
                return DeviceStatus.ConfigurationInvalid;
            }

            DeviceSettings settings = _configuration.ToDeviceSettings();
            settings.PersistOutbox = true;
            byte[]? withoutKey = _configurationWithoutKey;
            _configurationWithoutKey = null;
            INonVolatileStore store;
            try
            {
                store = new FileNonVolatileStore(DevicePaths.Directory, DeviceStorage.SlotCountWithOutbox(settings.OutboxCapacity), DeviceStorage.MaxRecordLengthWithOutbox);
            }
            catch (Exception)
            {
                Wipe(withoutKey);
                detail = "cannot open " + DevicePaths.Directory;
                return DeviceStatus.StorageFailure;
            }

            // Seeded now, with the radio on: the hardware RNG is a true RNG only then (HardwareRandom). BootSequence
            // starts the node only with Wi-Fi connected; should the link drop within this step, no generator is made,
            // NodeStarter refuses mode 3 without one and the boot halts rather than seed from a pseudo-random source.
            IRandomSource? noise = null;
            if (settings.Disclosure.Mode == DisclosureMode.PersonDifferentialPrivacy)
            {
                noise = _hardwareRandom.CreateNoiseSource(_wifi.IsConnected, settings.DeviceId, DeviceStorage.ReadBootCount(store), _clock.NowMilliseconds);
            }

            SensorNode? node;
            DeviceStatus status = RootKeyHandover.TryStart(settings, store, noise, _configuration.RootKey, withoutKey, new AtomicFileReplacer(DevicePaths.ConfigurationFile), nowUnixSeconds, out node, out detail);
            if (status != DeviceStatus.Running || node == null)
            {
                return status;
            }

            string keyStep = detail;

            Node = node;
            Transport = new MqttTransport(
                _configuration.BrokerHost,
                _configuration.BrokerPort,
                _configuration.BrokerUseTls,
                _configuration.BrokerCaCertificatePem,
                _configuration.MqttUsername,
                _configuration.MqttPassword,
                "edgesensor-" + ReportTopic.FormatDeviceId(_configuration.DeviceId));
            detail = "reboots " + node.RebootCount.ToString() + ", epoch " + node.Epoch.ToString() + ", reports restored " + node.RestoredReports.ToString() + ", lost at boot " + node.ReportsLostAtBoot.ToString()
                + (keyStep.Length == 0 ? string.Empty : ", " + keyStep);
            _indicator.Show(DeviceStatus.StartingSensors, StatusCodes.LogLine(DeviceStatus.StartingSensors, detail));
            detail = string.Empty;
            return DeviceStatus.Running;
#else
            detail = "built without the configuration reader";
            return DeviceStatus.ConfigurationInvalid;
#endif
        }

        /// <inheritdoc />
        public bool TryStartSensors(out string detail)
        {
#if EDGESENSOR_CONFIGURATION_READER
            if (_configuration == null)
            {
                detail = "no configuration";
                return false;
            }

            try
            {
                Pir = _configuration.PirPin < 0 ? null : new PirPin(_gpio, _configuration.PirPin);
            }
            catch (Exception)
            {
                detail = "cannot open PIR pin " + _configuration.PirPin.ToString();
                return false;
            }

            bool started = TryStartTof(_configuration, out detail);

            // The adapters hold what they need; drop the configuration's copies of the passwords and root key.
            _configuration.ClearSecrets();
            _configuration = null;
            return started;
#else
            detail = "built without the configuration reader";
            return false;
#endif
        }

#if EDGESENSOR_CONFIGURATION_READER
        /// <summary>Clears the key-less copy of the configuration when it is not handed on (it holds the passwords).</summary>
        private static void Wipe(byte[]? withoutKey)
        {
            if (withoutKey != null)
            {
                Array.Clear(withoutKey, 0, withoutKey.Length);
            }
        }

        private bool TryStartTof(DeviceConfiguration configuration, out string detail)
        {
#if EDGESENSOR_VL53L1X_DRIVER
            try
            {
                Configuration.SetPinFunction(configuration.I2cDataPin, DeviceFunction.I2C1_DATA);
                Configuration.SetPinFunction(configuration.I2cClockPin, DeviceFunction.I2C1_CLOCK);
                if (configuration.TofShutdownPin >= 0)
                {
                    // XSHUT low holds the sensor in reset; released (open drain, the breakout pulls it up) it boots
                    // within tBOOT = 1.2 ms (ST VL53L1X datasheet DS12385, "Power sequence").
                    GpioPin shutdown = _gpio.OpenPin(configuration.TofShutdownPin, PinMode.OutputOpenDrain);
                    shutdown.Write(PinValue.Low);
                    Thread.Sleep(2);
                    shutdown.Write(PinValue.High);
                    Thread.Sleep(2);
                }

                // 100 kHz, passed explicitly: the two-argument settings constructor selects 400 kHz (hardware/wiring.md).
                I2cDevice device = I2cDevice.Create(new I2cConnectionSettings(1, Vl53l1xSensor.DefaultAddress, I2cBusSpeed.StandardMode));
                ZoneRangerSettings settings = new ZoneRangerSettings();
                settings.TimingBudgetMilliseconds = configuration.TimingBudgetMilliseconds;
                settings.RoiWidth = configuration.ZoneRoiWidth;
                settings.RoiHeight = configuration.ZoneRoiHeight;
                settings.Zone0RoiCenter = configuration.Zone0RoiCenter;
                settings.Zone1RoiCenter = configuration.Zone1RoiCenter;
                Vl53l1xZoneRanger ranger = new Vl53l1xZoneRanger(new Vl53l1xSensor(new NanoI2cBus(device)), settings);
                Tof = new ZoneRangerTofInput(ranger);

                long start = _clock.NowMilliseconds;
                while (ranger.State != ZoneRangerState.Ranging && ranger.State != ZoneRangerState.Failed
                    && _clock.NowMilliseconds - start < TofStartTimeoutMilliseconds)
                {
                    int zone;
                    int distance;
                    int status;
                    ranger.TryRead(_clock.NowMilliseconds, out zone, out distance, out status);
                    Thread.Sleep(5);
                }

                if (ranger.State == ZoneRangerState.Ranging)
                {
                    detail = string.Empty;
                    return true;
                }

                detail = "VL53L1X not ranging (state " + ((int)ranger.State).ToString() + ", failure " + ((int)ranger.Failure).ToString()
                    + ", bus errors " + ranger.BusErrors.ToString() + ")";
                return false;
            }
            catch (Exception)
            {
                detail = "I2C set-up failed (check I2cDataPin and I2cClockPin)";
                return false;
            }
#else
            detail = "built without the VL53L1X driver (EdgeSensor.Core.Drivers)";
            return false;
#endif
        }
#endif
    }
}
