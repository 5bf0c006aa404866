#!/usr/bin/python3
"""Writes a pack extending rules/tuban with N generated resources, for the
referral benchmark (a Tuban-scale directory: 300 resources with the 74 of
rules/tuban). Deterministic: the same N gives the same pack.

  bench/gen/gen_resources.py OUT_DIR [N=226] [--desa]

With --desa the pack also gives a centroid to every desa of the bundled
sample (the kecamatan's, moved by up to 3 km; illustrative), so that
households are placed by desa: some 16 times more places to rank from and
candidate lists to assign over.
"""
import csv
import os
import random
import sys

SERVICES = ["usulan_dtsen", "verval_dtsen", "posyandu_lansia", "rutilahu", "pemeriksaan_kehamilan",
            "rehabilitasi_sosial", "pendampingan_sembako", "pendampingan_anak", "pendampingan_korban",
            "pengasuhan_anak", "usulan_aspd", "rumah_aman", "aktivasi_pbi", "usulan_pbi", "alat_bantu",
            "pendampingan_pkh", "konseling_keluarga", "adminduk", "usulan_pip", "kesehatan_jiwa"]
KECAMATAN = ["Kenduruan", "Jatirogo", "Bangilan", "Bancar", "Senori", "Tambakboyo", "Singgahan", "Kerek",
             "Parengan", "Montong", "Soko", "Jenu", "Merakurak", "Rengel", "Semanding", "Tuban", "Plumpang",
             "Palang", "Widang", "Grabagan"]
ACCEPTS = ["any(members, anak or sex == 'P')", "any(members, anak)", "desil <= 5",
           "any(members, age >= 60)"]


def main():
    args = [a for a in sys.argv[1:] if a != "--desa"]
    desa = "--desa" in sys.argv[1:]
    out = args[0]
    n = int(args[1]) if len(args) > 1 else 226
    rnd = random.Random(20261128)
    base = os.path.relpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../rules/tuban"), out)
    os.makedirs(out, exist_ok=True)
    lines = [f'pack: {{ id: tuban_bench, name: "Tuban + {n} generated resources", version: "1", '
             f'extends: [{base}] }}', "resources:"]
    for i in range(n):
        kec = rnd.choice(KECAMATAN)
        lat = -6.75 - rnd.random() * 0.45
        lon = 111.65 + rnd.random() * 0.55
        services = rnd.sample(SERVICES, rnd.randint(1, 3))
        lines += [f"  - id: gen-{i:03d}", f'    name: "Generated resource {i}"', "    type: lks",
                  f"    services: [{', '.join(services)}]",
                  f"    location: {{ kecamatan: {kec}, lat: {lat:.5f}, lon: {lon:.5f} }}"]
        if rnd.random() < 0.6:
            near = [kec] + rnd.sample([k for k in KECAMATAN if k != kec], 2)
            lines.append(f"    serves: {{ kecamatan: [{', '.join(near)}] }}")
        else:
            lines.append("    serves: { kecamatan: all }")
        lines.append(f"    capacity: {rnd.randint(5, 400)}")
        if rnd.random() < 0.3:
            lines.append(f'    accepts: "{rnd.choice(ACCEPTS)}"')
        lines.append("    illustrative: true")
    if desa:
        lines += DesaPlaces(rnd)
    with open(os.path.join(out, "pack.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")


def DesaPlaces(rnd):
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../rules/tuban")
    centre = {}
    for line in open(os.path.join(here, "places.yaml")):
        parts = line.strip().split(":", 1)
        if len(parts) == 2 and "lat:" in parts[1]:
            nums = parts[1].replace("{", "").replace("}", "").replace("lat:", "").replace("lon:", "").split(",")
            centre[parts[0].strip()] = (float(nums[0]), float(nums[1]))
    seen = set()
    with open(os.path.join(here, "sample/households.csv")) as f:
        for row in csv.DictReader(f):
            if row["kecamatan"] in centre and row["desa"]:
                seen.add((row["kecamatan"], row["desa"]))
    lines = ["places:", "  desa:"]
    for kec, name in sorted(seen):
        lat, lon = centre[kec]
        lines.append(f'    "{kec}/{name}": {{ lat: {lat + rnd.uniform(-0.027, 0.027):.5f}, '
                     f'lon: {lon + rnd.uniform(-0.027, 0.027):.5f} }}')
    return lines


if __name__ == "__main__":
    main()
