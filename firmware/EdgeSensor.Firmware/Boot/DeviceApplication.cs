using System;
using System.Device.Gpio;
using System.Threading;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Lifecycle;
using EdgeSensor.Core.Reports;
using EdgeSensor.Firmware.Adapters;

namespace EdgeSensor.Firmware.Boot
{
    /// <summary>
    /// The composition root: builds the adapters, runs <see cref="BootSequence"/> to the end, then runs the device on two
    /// threads: the sampling loop (sensors → <see cref="SensorNode"/> → sealed windows, every 10 ms) and the publisher
    /// (outbox → broker, every 50 ms), so a slow TLS handshake never stalls the counting. They share the node under one
    /// lock. Each loop feeds its own <see cref="SoftwareWatchdog"/>; a timer checks both once a second. A fatal boot
    /// status halts here for good, showing its code, with the watchdog still fed (a reboot would not fix a bad file).
    /// </summary>
    internal sealed class DeviceApplication
    {
        // One Wi-Fi attempt may block 30 s and one sensor start 3 s: the boot gets two minutes between kicks.
        private const int BootWatchdogMilliseconds = 120000;

        // A sampling pass takes milliseconds; ten seconds without one is a hang.
        private const int SamplingWatchdogMilliseconds = 10000;

        // A DNS lookup, TLS handshake and CONNECT can take tens of seconds on a poor link.
        private const int PublisherWatchdogMilliseconds = 180000;

        /// <summary>
        /// The status LED before the configuration is read (so a missing or invalid file still blinks its code): -1 for
        /// the reference ESP32-DevKitC, which has no user LED; set it for a board with one (GPIO2 on many ESP32 boards).
        /// </summary>
        public const int BoardStatusLedPin = -1;

        private const int BootStepMilliseconds = 100;
        private const int SamplingPeriodMilliseconds = 10;
        private const int PublisherPeriodMilliseconds = 50;
        private const int HealthLogMilliseconds = 300000;

        private readonly TickCountClock _clock = new TickCountClock();
        private readonly StatusIndicator _indicator = new StatusIndicator();
        private readonly DeviceRebooter _rebooter = new DeviceRebooter();
        private readonly HardwareRandom _random = new HardwareRandom();
        private readonly PublisherSettings _publisherSettings = new PublisherSettings();
        private SoftwareWatchdog? _samplingWatchdog;
        private SoftwareWatchdog? _publisherWatchdog;
        private ReportPublisher? _publisher;
        private Timer? _watchdogTimer;

        /// <summary>Boots and runs the device; never returns.</summary>
        public void Run()
        {
            _samplingWatchdog = new SoftwareWatchdog(_rebooter, BootWatchdogMilliseconds, _clock.NowMilliseconds);
            _watchdogTimer = new Timer(CheckWatchdogs, null, 1000, 1000);

            GpioController gpio = new GpioController();
            _indicator.AttachLed(gpio, BoardStatusLedPin);
            WifiStation wifi = new WifiStation();
            SntpWallClock wallClock = new SntpWallClock();
            FirmwareBootSteps steps = new FirmwareBootSteps(gpio, _clock, _indicator, wifi, _random, _publisherSettings);
            BootSequence boot = new BootSequence(new BootSettings(), steps, wifi, wallClock, _indicator, _random);
            while (!boot.IsFinished)
            {
                long now = _clock.NowMilliseconds;
                _samplingWatchdog.Kick(now);
                boot.Step(now);
                Thread.Sleep(BootStepMilliseconds);
            }

            SensorNode? node = steps.Node;
            MqttTransport? transport = steps.Transport;
            if (boot.Stage == BootStage.Halted || node == null || transport == null)
            {
                Halt(boot);
                return;
            }

            object gate = new object();
            long start = _clock.NowMilliseconds;
            _publisher = new ReportPublisher(new SensorNodeReports(node, gate), transport, steps.Topic, PublishDelay.ForDevice(steps.DeviceId, _publisherSettings.PublishDelayCapMilliseconds), _publisherSettings, _random);
            SamplingLoop loop = new SamplingLoop(node, gate, steps.Tof, steps.Pir, wallClock, _publisher, _indicator, SamplingLoop.DefaultStallMilliseconds, start);
            _publisherWatchdog = new SoftwareWatchdog(_rebooter, PublisherWatchdogMilliseconds, start);
            new Thread(PublishForever).Start();
            _samplingWatchdog.SetPeriod(SamplingWatchdogMilliseconds, start);

            long nextHealthLog = start + HealthLogMilliseconds;
            while (true)
            {
                long now = _clock.NowMilliseconds;
                _samplingWatchdog.Kick(now);
                loop.RunPass(now);
                if (now >= nextHealthLog)
                {
                    nextHealthLog = now + HealthLogMilliseconds;
                    LogHealth(node, gate, loop);
                }

                Thread.Sleep(SamplingPeriodMilliseconds);
            }
        }

        private void Halt(BootSequence boot)
        {
            while (true)
            {
                long now = _clock.NowMilliseconds;
                _samplingWatchdog!.Kick(now);
                boot.Step(now);
                Thread.Sleep(500);
            }
        }

        private void PublishForever()
        {
            ReportPublisher publisher = _publisher!;
            SoftwareWatchdog watchdog = _publisherWatchdog!;
            while (true)
            {
                long now = _clock.NowMilliseconds;
                watchdog.Kick(now);
                publisher.Step(now);
                Thread.Sleep(PublisherPeriodMilliseconds);
            }
        }

        private void CheckWatchdogs(object? state)
        {
            long now = _clock.NowMilliseconds;
            SoftwareWatchdog? sampling = _samplingWatchdog;
            SoftwareWatchdog? publishing = _publisherWatchdog;
            if (sampling != null)
            {
                sampling.Check(now);
            }

            if (publishing != null)
            {
                publishing.Check(now);
            }
        }

        private void LogHealth(SensorNode node, object gate, SamplingLoop loop)
        {
            ReportPublisher publisher = _publisher!;
            string line;
            lock (gate)
            {
                line = "health pending " + node.PendingReports.ToString() + ", sealed " + node.ReportsSealed.ToString()
                    + ", dropped " + node.OutboxDrops.ToString() + ", journal failures " + node.OutboxJournalFailures.ToString()
                    + ", calibration " + ((int)node.Counter.CalibrationState).ToString();
            }

            line += ", published " + publisher.Published.ToString() + ", retries " + publisher.Retries.ToString()
                + ", connects " + publisher.Connects.ToString() + ", no-response samples " + loop.NoResponseSamples.ToString();
            Console.WriteLine(line);
        }
    }
}
