using MQTTnet;

namespace EdgeSensor.Sdk.Client;

/// <summary>The broker refused the connection or subscription for a reason retrying cannot fix.</summary>
public sealed class MqttRefusedException : Exception
{
    /// <summary>Creates the exception for a CONNACK reason code.</summary>
    public MqttRefusedException(MqttClientConnectResultCode resultCode)
        : base($"The broker refused the connection: {resultCode}.")
    {
        ResultCode = resultCode;
    }

    /// <summary>Creates the exception with a message.</summary>
    public MqttRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>The broker's CONNACK reason code, when the connection was refused.</summary>
    public MqttClientConnectResultCode? ResultCode { get; }

    internal static bool IsPermanent(MqttClientConnectResultCode code) => code is
        MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized
        or MqttClientConnectResultCode.Banned or MqttClientConnectResultCode.BadAuthenticationMethod
        or MqttClientConnectResultCode.ClientIdentifierNotValid or MqttClientConnectResultCode.UnsupportedProtocolVersion;
}
