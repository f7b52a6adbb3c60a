using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace StudyBot.Discord.Http;

/// <summary>
/// Checks Discord's Ed25519 signature over <c>timestamp + body</c> with the application's public
/// key, and refuses timestamps more than five minutes away so a captured request cannot be replayed
/// later, and signatures already accepted, so it cannot be replayed within those five minutes either.
/// </summary>
public sealed class InteractionSignatureVerifier
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private readonly PublicKey _key;
    private readonly TimeProvider _time;
    private readonly Interactions.ExpiringSet<string> _accepted;

    public InteractionSignatureVerifier(string publicKeyHex, TimeProvider time)
    {
        if (publicKeyHex.Length != 64 || !publicKeyHex.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("The application public key must be 64 hex characters (Discord:PublicKey).", nameof(publicKeyHex));
        }

        _key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
        _time = time;
        _accepted = new Interactions.ExpiringSet<string>(time);
    }

    /// <summary>Why a request fails verification, or null when it is genuine and fresh.</summary>
    public string? Check(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp))
        {
            return "missing X-Signature-Ed25519 or X-Signature-Timestamp";
        }

        if (signatureHex.Length != 128 || !signatureHex.All(char.IsAsciiHexDigit))
        {
            return "signature is not 64 bytes of hex";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "timestamp is not unix seconds";
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (age.Duration() > MaxClockSkew)
        {
            return "timestamp is more than 5 minutes away";
        }

        var stamp = Encoding.ASCII.GetBytes(timestamp);
        var signed = new byte[stamp.Length + body.Length];
        stamp.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(stamp.Length));
        if (!SignatureAlgorithm.Ed25519.Verify(_key, signed, Convert.FromHexString(signatureHex)))
        {
            return "signature does not match";
        }

        // Remembered while its timestamp is still accepted: after that the clock check refuses it.
        var acceptedUntil = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799)) + MaxClockSkew + TimeSpan.FromSeconds(1);
        return _accepted.TryAdd(signatureHex.ToLowerInvariant(), acceptedUntil) ? null : "signature already used (a replayed request)";
    }
}
