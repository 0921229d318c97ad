#!/usr/bin/python3
"""Writes the TensorBoard event-file fixtures byte by byte from the spec
(shared docs, anchors-viewers-formats-style.md section 2.1): TFRecord framing with masked CRC-32C,
Event / Summary / TensorProto protobuf wire encoding, all by hand (no TensorFlow, no protobuf).

Run from anywhere: /usr/bin/python3 make_fixtures.py  (rewrites the files beside it).
The values are chosen exactly representable in float32 unless a test says otherwise; the expected
numbers are restated in tests/core/io/test_tensorboard_reader.cpp.
"""
import math
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


# ---- CRC-32C (Castagnoli, reflected 0x82F63B78), bit by bit: independent of the C++ tables ----
def crc32c(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def masked(crc):
    return ((((crc >> 15) | (crc << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


assert crc32c(b"123456789") == 0xE3069283


def record(data, length=None):
    if length is None and data not in RAW_EVENTS:
        RAW_EVENTS.append(data)
    header = struct.pack("<Q", len(data) if length is None else length)
    return (header + struct.pack("<I", masked(crc32c(header))) + data +
            struct.pack("<I", masked(crc32c(data))))


# ---- protobuf wire encoding ----
def varint(n):
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def key(field, wire):
    return varint(field << 3 | wire)


def f_varint(field, n):
    return key(field, 0) + varint(n)


def f_double(field, x):
    return key(field, 1) + struct.pack("<d", x)


def f_float(field, x):
    return key(field, 5) + struct.pack("<f", x)


def f_bytes(field, data):
    if isinstance(data, str):
        data = data.encode()
    return key(field, 2) + varint(len(data)) + data


def event(step=None, wall=None, summary=None, file_version=None, graph_def=None):
    out = b""
    if wall is not None:
        out += f_double(1, wall)
    if step is not None:
        out += f_varint(2, step)
    if file_version is not None:
        out += f_bytes(3, file_version)
    if graph_def is not None:
        out += f_bytes(4, graph_def)
    if summary is not None:
        out += f_bytes(5, b"".join(f_bytes(1, v) for v in summary))
    return out


def metadata(plugin, data_class=None):
    out = f_bytes(1, f_bytes(1, plugin))
    if data_class is not None:
        out += f_varint(4, data_class)
    return out


def simple(tag, x):
    return f_bytes(1, tag) + f_float(2, x)


def tensor_value(tag, tensor, meta=None):
    out = f_bytes(1, tag)
    if meta is not None:
        out += f_bytes(9, meta)
    return out + f_bytes(8, tensor)


def shape(*dims):
    return f_bytes(2, b"".join(f_bytes(2, f_varint(1, d)) for d in dims))


DT_FLOAT, DT_DOUBLE, DT_STRING, DT_INT64, DT_BFLOAT16, DT_HALF = 1, 2, 7, 9, 14, 19
T0 = 1700000000.0
FILE_VERSION = event(wall=T0, file_version="brain.Event:2")


RAW_EVENTS = []  # every Event written below, also saved alone as a seed for the event fuzzer


def write(relative, records):
    path = os.path.join(HERE, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(b"".join(records))
    return path


# ---- the doc's checked 3-record example, from its hex, cross-checked against this encoder ----
DOC_HEX = (
    "1800000000000000a37f4b220900000040fc54d9411a0d627261696e2e4576656e743a32eced8f9d"
    "1a00000000000000129bd82d0900006040fc54d94110012a0d0a0b0a046c6f737315000020402f447d1d"
    "2e00000000000000c5cb57fa0900008040fc54d94110022a210a1f0a046c6f73734a0b0a090a077363616c617273"
    "420a0801120022040000a03f9e09a710")
doc = bytes.fromhex(DOC_HEX)
mine = (record(FILE_VERSION) + record(event(step=1, wall=T0 + 1.5, summary=[simple("loss", 2.5)])) +
        record(event(step=2, wall=T0 + 2, summary=[tensor_value(
            "loss", f_varint(1, DT_FLOAT) + f_bytes(2, b"") + f_bytes(4, struct.pack("<f", 1.25)),
            metadata("scalars"))])))
assert len(doc) == 144 and mine == doc, "encoder disagrees with the doc's checked example"
write("doc_example/events.out.tfevents.1700000000.doc", [doc])

# ---- simple_value scalars (PyTorch / TF1), several tags, NaN/inf, skipped non-scalars ----
recs = [record(FILE_VERSION), record(event(step=0, wall=T0, graph_def=b"\x0a\x03abc"))]
grad_norm = [1.5, math.nan, math.inf, 0.75, -math.inf]
for s in range(5):
    w = T0 + s + 1
    recs.append(record(event(step=s, wall=w, summary=[simple("train/loss", 4.0 - 0.5 * s)])))
    recs.append(record(event(step=s, wall=w, summary=[simple("lr", (s + 1) / 1024)])))
    recs.append(record(event(step=s, wall=w, summary=[simple("grad_norm", grad_norm[s])])))
recs.append(record(event(step=2, wall=T0 + 3, summary=[f_bytes(1, "weights") + f_bytes(5, b"")])))
# TF1 style: two values in one summary
recs.append(record(event(step=5, wall=T0 + 6, summary=[simple("train/loss", 1.5),
                                                       simple("lr", 6 / 1024)])))
write("simple/events.out.tfevents.1700000000.host", recs)

# ---- TF2 tensor scalars ----
def scalar_tensor(dtype, payload):
    return f_varint(1, dtype) + f_bytes(2, b"") + payload


recs = [record(FILE_VERSION)]
add = lambda step, *values: recs.append(record(event(step=step, wall=T0 + step, summary=list(values))))
add(1, tensor_value("loss", scalar_tensor(DT_FLOAT, f_bytes(4, struct.pack("<f", 1.25))),
                    metadata("scalars", 1)))
add(2, tensor_value("loss", scalar_tensor(DT_FLOAT, f_bytes(4, struct.pack("<f", 1.0)))))
add(1, tensor_value("val/loss", scalar_tensor(DT_DOUBLE, f_bytes(6, struct.pack("<d", 0.1))),
                    metadata("scalars")))                       # double_val packed
add(2, tensor_value("val/loss", scalar_tensor(DT_DOUBLE, f_double(6, 0.05))))  # unpacked
add(3, tensor_value("acc", scalar_tensor(DT_FLOAT, f_bytes(5, struct.pack("<f", 0.5))),
                    metadata("scalars")))                       # float_val packed
add(4, tensor_value("acc", scalar_tensor(DT_FLOAT, f_float(5, 0.75))))  # unpacked
add(1, tensor_value("lr", scalar_tensor(DT_DOUBLE, f_bytes(4, struct.pack("<d", 3e-4)))))
add(5, tensor_value("tokens", scalar_tensor(DT_INT64, f_varint(10, 123456789012))))
add(6, tensor_value("half", scalar_tensor(DT_HALF, f_bytes(13, varint(0x3C00)))),  # 1.0
    tensor_value("bf16", scalar_tensor(DT_BFLOAT16, f_varint(13, 0x3FC0))))      # 1.5
add(1, tensor_value("notes", f_varint(1, DT_STRING) + f_bytes(8, "hello"), metadata("text")))
add(1, tensor_value("hist", f_varint(1, DT_DOUBLE) + shape(2, 3) + f_bytes(4, bytes(48)),
                    metadata("histograms")))
add(1, tensor_value("hparams", scalar_tensor(DT_FLOAT, f_float(5, 0.0)), metadata("hparams")))
add(2, tensor_value("hparams", scalar_tensor(DT_FLOAT, f_float(5, 1.0))))  # plugin remembered
write("tf2/events.out.tfevents.1700000000.host.v2", recs)

# ---- a restart: the second file resumes at step 5; step 9 repeated at its end ----
write("restart/events.out.tfevents.1700000000.host",
      [record(FILE_VERSION)] +
      [record(event(step=s, wall=T0 + s, summary=[simple("loss", 10.0 - s)])) for s in range(10)])
write("restart/events.out.tfevents.1700000100.host",
      [record(event(wall=T0 + 100, file_version="brain.Event:2"))] +
      [record(event(step=s, wall=T0 + 100 + s, summary=[simple("loss", 100.0 + s)]))
       for s in range(5, 10)] +
      [record(event(step=9, wall=T0 + 200, summary=[simple("loss", 209.0)]))])

# ---- a folder of two runs (one nested), plus a file that is not an event file ----
write("runs/run_a/events.out.tfevents.1700000000.host",
      [record(FILE_VERSION)] +
      [record(event(step=s, wall=T0 + s, summary=[simple("loss", 3.0 - s)])) for s in range(3)])
write("runs/run_b/train/events.out.tfevents.1700000000.host",
      [record(FILE_VERSION)] +
      [record(event(step=10 * s, wall=T0 + s, summary=[simple("loss", 8.0 - s)])) for s in range(4)])
with open(os.path.join(HERE, "runs/run_a/notes.txt"), "w") as f:
    f.write("not an event file\n")

# ---- bad input, each a single file ----
REC1 = record(FILE_VERSION)                                              # 40 bytes
REC2 = record(event(step=1, wall=T0 + 1.5, summary=[simple("loss", 2.5)]))  # 42 bytes
write("bad/empty/events.out.tfevents.empty", [])
state, garbage = 12345, bytearray()
for _ in range(256):
    state = (1103515245 * state + 12345) % 2**31
    garbage.append(state >> 16 & 0xFF)
write("bad/garbage/events.out.tfevents.garbage", [bytes(garbage)])
write("bad/truncated/events.out.tfevents.truncated", [doc[:-10]])
flip = bytearray(doc)
flip[82 + 8] ^= 0x01  # record 3 (at byte 82): its length CRC
write("bad/length_crc/events.out.tfevents.length_crc", [bytes(flip)])
flip = bytearray(doc)
flip[82 + 12 + 20] ^= 0x01  # record 3: a data byte
write("bad/data_crc/events.out.tfevents.data_crc", [bytes(flip)])
huge_header = struct.pack("<Q", 0x7FFFFFFFFFFFFFFF)
write("bad/huge_length/events.out.tfevents.huge_length",
      [REC1, REC2, huge_header + struct.pack("<I", masked(crc32c(huge_header))), bytes(32)])
write("bad/garbage_protobuf/events.out.tfevents.garbage_protobuf",
      [REC1, record(b"\xff" * 11), REC2])
write("bad/wire_types/events.out.tfevents.wire_types",
      [REC1,
       record(f_double(1, T0) + f_bytes(2, b"\x05") + f_bytes(5, f_bytes(1, simple("loss", 9.0)))),
       record(event(step=3, wall=T0, summary=[tensor_value("loss", f_float(1, 1.0))])),
       REC2])

# ---- raw Event protobufs (no framing): seeds for tests/fuzz/fuzz_tensorboard_event.cpp ----
seeds = os.path.join(HERE, "raw_events")
os.makedirs(seeds, exist_ok=True)
for name in os.listdir(seeds):
    os.remove(os.path.join(seeds, name))
for i, data in enumerate(RAW_EVENTS):
    with open(os.path.join(seeds, "event_%03d.pb" % i), "wb") as f:
        f.write(data)
