namespace EdgeSensor.Core.Configuration
{
    /// <summary>
    /// Which ESP32 GPIO numbers a pin setting may name (ESP32 Series Datasheet, "Pin Description";
    /// hardware/wiring.md, "Pins to avoid"). Strapping pins (0, 2, 5, 12, 15) are allowed but best avoided.
    /// </summary>
    public static class Esp32Pins
    {
        /// <summary>True when <paramref name="gpio"/> is a GPIO the ESP32 has and leaves free: 0..39 without
        /// 20, 24 and 28..31 (not bonded out) and 6..11 (wired to the module's SPI flash).</summary>
        public static bool IsUsable(int gpio)
        {
            if (gpio < 0 || gpio > ConfigurationLimits.MaxGpio)
            {
                return false;
            }

            if (gpio >= 6 && gpio <= 11)
            {
                return false;
            }

            return gpio != 20 && gpio != 24 && (gpio < 28 || gpio > 31);
        }

        /// <summary>True when <paramref name="gpio"/> is usable and can drive an output: GPIO34..39 are input only.</summary>
        public static bool CanOutput(int gpio)
        {
            return IsUsable(gpio) && gpio < 34;
        }
    }
}
