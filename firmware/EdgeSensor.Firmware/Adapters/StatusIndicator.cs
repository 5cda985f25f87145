using System;
using System.Device.Gpio;
using System.Threading;
using EdgeSensor.Core.Lifecycle;

namespace EdgeSensor.Firmware.Adapters
{
    /// <summary>
    /// <see cref="IStatusIndicator"/>: writes the status line to the serial console (<c>Console.WriteLine</c>, which
    /// unlike <c>Debug.WriteLine</c> stays in Release builds) and blinks the status LED with the status's
    /// <see cref="BlinkPattern"/> from a 50 ms timer. The LED pin is the board's default
    /// (<c>DeviceApplication.BoardStatusLedPin</c>) until the configuration names its own; with neither (the reference
    /// DevKitC board has no user LED) only the serial line shows the status.
    /// </summary>
    public sealed class StatusIndicator : IStatusIndicator
    {
        private const int LedPeriodMilliseconds = 50;

        private readonly object _gate = new object();
        private GpioPin? _led;
        private int _ledPin = -1;
        private Timer? _timer;
        private DeviceStatus _status = DeviceStatus.LoadingConfiguration;
        private long _since;
        private bool _lit;

        /// <summary>
        /// Drives the LED on <paramref name="pinNumber"/> (active high) from now on; -1 keeps the current one (or none).
        /// Called with the board's default before the configuration is read, then with the configured pin.
        /// </summary>
        public void AttachLed(GpioController controller, int pinNumber)
        {
            if (pinNumber < 0 || pinNumber == _ledPin)
            {
                return;
            }

            GpioPin led = controller.OpenPin(pinNumber, PinMode.Output);
            led.Write(PinValue.Low);
            GpioPin? previous;
            lock (_gate)
            {
                previous = _led;
                _led = led;
                _ledPin = pinNumber;
                _lit = false;
            }

            if (previous != null)
            {
                previous.Write(PinValue.Low);
                previous.Dispose();
            }

            if (_timer == null)
            {
                _timer = new Timer(OnTimer, null, 0, LedPeriodMilliseconds);
            }
        }

        /// <inheritdoc />
        public void Show(DeviceStatus status, string line)
        {
            Console.WriteLine(line);
            lock (_gate)
            {
                _status = status;
                _since = Environment.TickCount64;
            }
        }

        private void OnTimer(object? state)
        {
            lock (_gate)
            {
                if (_led == null)
                {
                    return;
                }

                bool on = BlinkPattern.IsOn(_status, Environment.TickCount64 - _since);
                if (on != _lit)
                {
                    _lit = on;
                    _led.Write(on ? PinValue.High : PinValue.Low);
                }
            }
        }
    }
}
