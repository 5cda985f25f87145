using System;
using System.Device.Gpio;
using System.Threading;
using EdgeSensor.Core.Lifecycle;

namespace EdgeSensor.Firmware.Adapters
{
    /// <summary>
    /// <see cref="IStatusIndicator"/>: writes the status line to the serial console (<c>Console.WriteLine</c>, which
    /// unlike <c>Debug.WriteLine</c> stays in Release builds) and blinks the status LED with the status's
    /// <see cref="BlinkPattern"/> from a 50 ms timer. The LED is attached once the configuration names its pin; before
    /// that (or with no LED wired) only the serial line shows the status.
    /// </summary>
    public sealed class StatusIndicator : IStatusIndicator
    {
        private const int LedPeriodMilliseconds = 50;

        private readonly object _gate = new object();
        private GpioPin? _led;
        private Timer? _timer;
        private DeviceStatus _status = DeviceStatus.LoadingConfiguration;
        private long _since;
        private bool _lit;

        /// <summary>Drives the LED on <paramref name="pinNumber"/> (active high) from now on; -1 means none.</summary>
        public void AttachLed(GpioController controller, int pinNumber)
        {
            if (pinNumber < 0 || _led != null)
            {
                return;
            }

            _led = controller.OpenPin(pinNumber, PinMode.Output);
            _led.Write(PinValue.Low);
            _timer = new Timer(OnTimer, null, 0, LedPeriodMilliseconds);
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
            GpioPin? led = _led;
            if (led == null)
            {
                return;
            }

            bool on;
            lock (_gate)
            {
                on = BlinkPattern.IsOn(_status, Environment.TickCount64 - _since);
            }

            if (on != _lit)
            {
                _lit = on;
                led.Write(on ? PinValue.High : PinValue.Low);
            }
        }
    }
}
