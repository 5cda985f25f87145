#!/usr/bin/env python3
"""Independent check of the wire-format v1 vectors (docs/wire-format.md) with the `cryptography` package.

Run: python3 tests/vectors/wire-v1/check_vectors.py   (exit status 0 when every vector checks)
Re-derives every key from the root key, rebuilds header/nonce/body from the field values, seals, and
compares with the stored bytes; opens every vector with the receiver rules (including the extended-disclosure
flag 0x01: 37-byte body with the contribution bound, mode 3 and mask bit 5) and checks the outcome.
"""
import glob, json, os, struct, sys
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF, HKDFExpand
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.exceptions import InvalidTag

def expand(prk, info):
    return HKDFExpand(hashes.SHA256(), 32, info).derive(prk)

def chain_key(root, epoch):
    k = HKDF(hashes.SHA256(), 32, b"edgesensor v1 epoch", b"edgesensor v1 chain").derive(root)
    for _ in range(epoch):
        k = expand(k, b"edgesensor v1 ratchet")
    return k

def aead_key(chain, epoch):
    return expand(chain, b"edgesensor v1 aead" + struct.pack("<I", epoch))

BODY = struct.Struct("<IHHHHHHBBHHIHBHI")  # 35 bytes, docs/wire-format.md §3.3
BOUND = struct.Struct("<H")                 # contribution bound at body offset 35, with flag 0x01 only
EXTENDED = 0x01                             # critical flag "extended disclosure" (§3.1)
FIELDS = ["windowStartUnixSeconds", "windowLengthSeconds", "entries", "exits", "occupancyAtEnd", "peakOccupancy",
          "pirActivityPermille", "suppressedMask", "disclosureMode", "suppressionThreshold", "epsilonMilli",
          "privacyBudgetSpentMilli", "invalidSamplePermille", "calibrationState", "rebootCount", "firmwareVersion"]

def open_payload(payload, device_id, root, expected=None):
    """Returns 'Accepted' or the rejection reason name, following the receiver rules of the spec; with
    `expected` (a vector's "report"), "DecodedDifferently" when an accepted body does not hold those values."""
    if len(payload) == 0: return "Malformed"
    if payload[0] != 1: return "UnsupportedVersion"
    if len(payload) < 22: return "Malformed"
    flags, dev, epoch, seq = payload[1], *struct.unpack_from("<QIQ", payload, 2)
    if flags & 0x0F & ~EXTENDED: return "UnsupportedVersion"
    extended = bool(flags & EXTENDED)
    if len(payload) < (75 if extended else 73) or len(payload) > 256: return "Malformed"
    if dev != device_id: return "UnknownDevice"
    try:
        body = ChaCha20Poly1305(aead_key(chain_key(root, epoch), epoch)).decrypt(payload[10:22], payload[22:], payload[:22])
    except InvalidTag:
        return "AuthenticationFailed"
    v = dict(zip(FIELDS, BODY.unpack_from(body)))
    bound = BOUND.unpack_from(body, 35)[0] if extended else 0
    if (v["windowLengthSeconds"] == 0 or v["pirActivityPermille"] > 1000 or v["invalidSamplePermille"] > 1000
            or v["suppressedMask"] & (0xC0 if extended else 0xE0) or v["disclosureMode"] > (3 if extended else 2)
            or v["calibrationState"] > 3 or v["firmwareVersion"] >> 24
            or (bound == 0 if v["disclosureMode"] == 3 else bound != 0)):
        return "Malformed"
    if expected is not None and (any(v[f] != expected[f] for f in FIELDS) or bound != expected.get("contributionBound", 0)):
        return "DecodedDifferently"
    return "Accepted"

failures = 0
for path in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "*.json"))):
    v = json.load(open(path))
    root, device_id, payload = bytes.fromhex(v["rootKey"]), int(v["deviceId"], 16), bytes.fromhex(v["payload"])
    problems = []
    if "chainKey" in v:
        ck = chain_key(root, v["epoch"])
        if ck.hex() != v["chainKey"]: problems.append("chain key")
        if aead_key(ck, v["epoch"]).hex() != v["aeadKey"]: problems.append("aead key")
        header = payload[:22]
        if header.hex() != v["aad"] or header[10:22].hex() != v["nonce"]: problems.append("aad/nonce")
        flagged = bool(header[1] & EXTENDED)
        if flagged != ("contributionBound" in v["report"]): problems.append("flag and body length disagree")
        if v["coreCanSeal"]:
            # A device flags exactly modes 1 and 3, so the flag follows from the mode.
            if flagged != (v["report"]["disclosureMode"] in (1, 3)): problems.append("flag does not follow the mode")
            body = BODY.pack(*[v["report"][f] for f in FIELDS])
            if flagged: body += BOUND.pack(v["report"]["contributionBound"])
            if body.hex() != v["body"]: problems.append("body encoding")
            if header + ChaCha20Poly1305(aead_key(ck, v["epoch"])).encrypt(header[10:22], body, header) != payload:
                problems.append("sealed payload")
    outcome = open_payload(payload, device_id, root, v.get("report"))
    if outcome != v["expect"]: problems.append(f"opened as {outcome}, expected {v['expect']}")
    print(("FAIL " if problems else "ok   ") + v["name"] + (": " + ", ".join(problems) if problems else ""))
    failures += bool(problems)
sys.exit(1 if failures else 0)
