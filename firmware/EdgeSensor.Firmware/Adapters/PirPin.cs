using System.Device.Gpio;
using EdgeSensor.Core.Lifecycle;

namespace EdgeSensor.Firmware.Adapters
{
    /// <summary>
    /// <see cref="IPirInput"/> by polling the PIR's output pin (System.Device.Gpio,
    /// https://github.com/nanoframework/System.Device.Gpio). Polling, not <c>ValueChanged</c>: every event allocates
    /// its <c>PinValueChangedEventArgs</c> and runs on another thread, while the PIR output changes at most every few
    /// seconds (the module's own hold time, 2.5 s or more on an HC-SR501), so a read every 10–20 ms loop pass sees every
    /// level and times it to within one pass, with no allocation and no shared state. <c>PinValue</c> is a struct.
    /// </summary>
    public sealed class PirPin : IPirInput
    {
        private readonly GpioPin _pin;

        /// <summary>Opens <paramref name="pinNumber"/> as an input with the pull-down the wiring guide asks for.</summary>
        public PirPin(GpioController controller, int pinNumber)
        {
            _pin = controller.OpenPin(pinNumber, PinMode.InputPullDown);
        }

        /// <inheritdoc />
        public int ReadLevel()
        {
            return _pin.Read() == PinValue.High ? 1 : 0;
        }
    }
}
