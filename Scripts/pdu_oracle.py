#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
# This source file is part of the Care Connect ward device project.
"""Independent PDU oracle built on python3-gammu (Debian package), for differential tests and benchmarks.

  pdu_oracle.py generate COUNT SEED OUT   gammu encodes COUNT random messages (SUBMIT and DELIVER, GSM 7-bit
                                          with escapes, UCS-2 with emoji, long concatenated texts with 8- and
                                          16-bit references, flash class); writes one JSON object per PDU part.
  pdu_oracle.py decode IN OUT             gammu decodes every hex PDU in IN (one per line, SMSC included);
                                          writes one JSON object per line with what gammu read.
  pdu_oracle.py bench IN ROUNDS           prints how many PDUs per second gammu's DecodePDU manages on IN.

Known gammu caveats handled here: DecodePDU pads escape-heavy GSM text past its end (cut at the first NUL);
SMSC presence is passed explicitly; the SMSC dict is updated, not replaced, to keep the validity period.
"""
import datetime
import json
import random
import sys
import time

import gammu

GSM_BASIC = ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
             "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM_EXTENSION = "^{}\\[~]|€"
UNICODE_POOL = ("aąćęłńóśźż şğı ăâîșț ãõç ñ¿¡ Ελληνικά Привет 你好世界 مرحبا اردو বাংলা ગુજરાતી ਪੰਜਾਬੀ "
                "Soomaali ✓ … “quotes” 😀👍🏥💊❤️🇬🇧")
CODINGS = {"Default_No_Compression": "gsm7", "Unicode_No_Compression": "ucs2", "8bit": "8bit"}


def cut(text):
    """gammu's DecodePDU can leave junk after escape-heavy GSM text; it always starts with NUL."""
    if text is None:
        return None
    index = text.find("\x00")
    return text if index < 0 else text[:index]


def random_text(rng, kind):
    length = rng.choice([0, 1, 5, 20, 70, 140, 153, 159, 160, 161, 200, 306, 307, 400, 600])
    length = max(0, length + rng.randint(-3, 3)) if length else 0
    if kind == "gsm7":
        pool = GSM_BASIC * 4 + GSM_EXTENSION
        return "".join(rng.choice(pool) for _ in range(length))
    pool = list(UNICODE_POOL) + list(GSM_BASIC[:40])
    return "".join(rng.choice(pool) for _ in range(length // 2 + 1))


def random_number(rng):
    if rng.random() < 0.7:
        return "+44" + "".join(rng.choice("0123456789") for _ in range(rng.randint(9, 11)))
    return "0" + "".join(rng.choice("0123456789") for _ in range(rng.randint(4, 11)))


def describe(decoded):
    udh = decoded.get("UDH") or {}
    concat = None
    if udh.get("Type") in ("ConcatenatedMessages", "ConcatenatedMessages16bit") and udh.get("AllParts", 0) > 0:
        ref = udh["ID16bit"] if udh["Type"] == "ConcatenatedMessages16bit" else udh["ID8bit"]
        concat = {"ref": ref, "part": udh["PartNumber"], "total": udh["AllParts"],
                  "bits": 16 if udh["Type"] == "ConcatenatedMessages16bit" else 8}
    stamp = decoded.get("DateTime")
    return {
        "type": {"Deliver": "deliver", "Submit": "submit", "Status_Report": "status-report"}.get(decoded["Type"],
                                                                                               decoded["Type"]),
        "number": decoded.get("Number"),
        "smsc": (decoded.get("SMSC") or {}).get("Number") or None,
        "text": cut(decoded.get("Text")),
        "encoding": CODINGS.get(decoded.get("Coding"), decoded.get("Coding")),
        "class": decoded.get("Class", -1),
        "concat": concat,
        "datetime": stamp.strftime("%Y-%m-%dT%H:%M:%S") if isinstance(stamp, datetime.datetime) else None,
        "reference": decoded.get("MessageReference"),
        "status": decoded.get("DeliveryStatus"),
    }


def generate(count, seed, out_path):
    rng = random.Random(seed)
    written = 0
    with open(out_path, "w", encoding="utf-8") as out:
        message = 0
        while written < count:
            kind = rng.choice(["gsm7", "gsm7", "ucs2"])
            text = random_text(rng, kind)
            ident = rng.choice(["ConcatenatedTextLong", "ConcatenatedTextLong16bit"])
            msg_class = rng.choice([-1, -1, -1, 0, 1])
            parts = gammu.EncodeSMS({"Class": msg_class, "Unicode": kind == "ucs2",
                                     "Entries": [{"ID": ident, "Buffer": text}]})
            pdu_type = rng.choice(["Submit", "Deliver"])
            number = random_number(rng)
            stamp = datetime.datetime(rng.randint(2000, 2089), rng.randint(1, 12), rng.randint(1, 28),
                                      rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
            for index, part in enumerate(parts):
                part["Number"] = number
                part["SMSC"] = dict(part["SMSC"], Location=0, Number="+447785016005")
                if pdu_type == "Deliver":
                    part["Type"] = "Deliver"
                    part["DateTime"] = stamp
                pdu = gammu.EncodePDU(part, pdu_type)
                decoded = describe(gammu.DecodePDU(pdu, SMSC=True))
                decoded.update({"pdu": pdu.hex().upper(), "message": message, "index": index,
                                "parts": len(parts), "message_text": text})
                out.write(json.dumps(decoded, ensure_ascii=False) + "\n")
                written += 1
            message += 1
    print(f"generated {written} PDUs in {message} messages", file=sys.stderr)


def decode(in_path, out_path):
    with open(in_path, encoding="ascii") as source, open(out_path, "w", encoding="utf-8") as out:
        for line in source:
            line = line.strip()
            if not line:
                continue
            try:
                record = describe(gammu.DecodePDU(bytes.fromhex(line), SMSC=True))
            except gammu.GSMError as error:
                record = {"error": str(error)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def bench(in_path, rounds):
    with open(in_path, encoding="ascii") as source:
        pdus = [bytes.fromhex(line.strip()) for line in source if line.strip()]
    start = time.perf_counter()
    for _ in range(rounds):
        for pdu in pdus:
            gammu.DecodePDU(pdu, SMSC=True)
    elapsed = time.perf_counter() - start
    print(json.dumps({"pdus": len(pdus) * rounds, "seconds": elapsed, "per_second": len(pdus) * rounds / elapsed}))


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "generate":
        generate(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    elif len(sys.argv) == 4 and sys.argv[1] == "decode":
        decode(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "bench":
        bench(sys.argv[2], int(sys.argv[3]))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
