namespace EdgeSensor.NanoCheck;

/// <summary>Rule ids; README.md says what each rule guards against and where the limit comes from.</summary>
internal static class Rules
{
    public const string GenericType = "NANO001";
    public const string GenericMethod = "NANO002";
    public const string GenericInstantiation = "NANO003";
    public const string StateMachine = "NANO004";
    public const string AssemblyReference = "NANO005";
    public const string MultidimensionalArray = "NANO006";
    public const string Pointer = "NANO007";
    public const string NativeCode = "NANO008";
    public const string AttributeArgument = "NANO009";
    public const string MethodCount = "NANO010";
    public const string UnsupportedInstruction = "NANO011";
}
