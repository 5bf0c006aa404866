#!/usr/bin/python3
"""Generate the bundled sample caseload of Kabupaten Tuban: synthetic, no real person.

    /usr/bin/python3 rules/tuban/sample/generate.py [--households N] [--out DIR]

writes households.csv, members.csv and caseload.jsonl.gz (default: 2,400 households, next
to this file). Same arguments, same bytes: the seed is fixed and nothing depends on the
clock, the locale or Python's hash randomisation.

The columns come from the schema as it is when the script runs: every *.yaml holding a
`schema:` key under rules/nasional, rules/jatim and rules/tuban (recursively, sample/
skipped), in layer order and then in byte order of the path. A field this file knows
gets its value from the household model below; any other field gets a generic value from
its declared type, `values` and `min`/`max`; fields with `derive:` are left out. Every
value is checked against its field before it is written: if the schema changes so that a
value of the model no longer fits (an enum value removed, a type changed), that value is
written as unknown, with a note on stderr, rather than as a row the engine would reject.

Model and sources: README.md in this folder. Region names and codes: cahyadsn/wilayah
(MIT License, Copyright (c) 2017-2025 Cahya DSN), via shared/data/tuban_wilayah.csv.
"""

import argparse
import csv
import datetime as dt
import gzip
import io
import json
import math
import pathlib
import random
import sys

import yaml

SEED = 3523  # Tuban's region code; change it and every value changes
AS_OF = dt.date(2026, 1, 1)  # ages, school grades and case dates are drawn against this day
SCHOOL_YEAR_START = dt.date(2025, 7, 14)  # academic year 2025/26
DEFAULT_HOUSEHOLDS = 2400

HERE = pathlib.Path(__file__).resolve().parent
RULES = HERE.parents[1]  # rules/
LAYERS = ("nasional", "jatim", "tuban")

# ----- Kabupaten Tuban: the 20 kecamatan and their desa ------------------------------------
# Code, name and 2020 census population (domain.md §3.2; Bancar derived there as the 2020
# total minus the others). Desa and kelurahan: "code:name" in code order, from
# shared/data/tuban_wilayah.csv (Kepmendagri 300.2.2-2138/2025 via cahyadsn/wilayah, MIT).
POPULATION_2020 = {
    "01": 28343, "02": 55534, "03": 48052, "04": 58241, "05": 41653, "06": 42137, "07": 41345,
    "08": 67163, "09": 53603, "10": 53343, "11": 83814, "12": 55363, "13": 58781, "14": 59306,
    "15": 114136, "16": 84542, "17": 78147, "18": 86743, "19": 48726, "20": 39040,
}
DESA = (
    ("01", "Kenduruan",
     "2001:Jlodro|2002:Sokogunung|2003:Jamprong|2004:Tawaran|2005:Sidomukti|"
     "2006:Bendonglateng|2007:Sidohasri|2008:Sidorejo|2009:Sokogrenjeng"),
    ("02", "Jatirogo",
     "2001:Kebonharjo|2002:Wangi|2003:Ketodan|2004:Karangtengah|2005:Bader|2006:Paseyan|"
     "2007:Besowo|2008:Jombok|2009:Sadang|2010:Wotsogo|2011:Ngepon|2012:Sugihan|"
     "2013:Sidomulyo|2014:Kedungmakam|2015:Demit|2016:Jatiklabang|2017:Sekaran|"
     "2018:Dingil"),
    ("03", "Bangilan",
     "2001:Klakeh|2002:Bate|2003:Sidotentrem|2004:Kedungjambangan|2005:Kablukan|"
     "2006:Sidokumpul|2007:Bangilan|2008:Sidodadi|2009:Kumpulrejo|2010:Banjarworo|"
     "2011:Ngrojo|2012:Weden|2013:Kedungharjo|2014:Kedungmulyo"),
    ("04", "Bancar",
     "2001:Tlogoagung|2002:Ngujuran|2003:Latsari|2004:Sukolilo|2005:Tenggerkulon|"
     "2006:Bulujowo|2007:Siding|2008:Tergambang|2009:Bulumeduro|2010:Banjarjo|"
     "2011:Boncong|2012:Jatisari|2013:Sumberan|2014:Kayen|2015:Bogorejo|2016:Sembungin|"
     "2017:Karangrejo|2018:Sukoharjo|2019:Pugoh|2020:Bancar|2021:Ngampelrejo|"
     "2022:Sidomulyo|2023:Margosuko|2024:Cingklung"),
    ("05", "Senori",
     "2001:Medalem|2002:Jatisari|2003:Kaligede|2004:Banyuurip|2005:Leran|2006:Wonosari|"
     "2007:Sendang|2008:Wanglukulon|2009:Wangluwetan|2010:Sidoharjo|2011:Rayung|"
     "2012:Katerban"),
    ("06", "Tambakboyo",
     "2001:Dikir|2002:Ngulahan|2003:Plajan|2004:Mander|2005:Belikanget|2006:Cokrowati|"
     "2007:Pulogede|2008:Gadon|2009:Sotang|2010:Pabeyan|2011:Klutuk|2012:Tambakboyo|"
     "2013:Dasin|2014:Kenanti|2015:Sawir|2016:Sobontoro|2017:Merkawang|2018:Glondonggede"),
    ("07", "Singgahan",
     "2001:Lajo Kidul|2002:Lajo Lor|2003:Tanggir|2004:Tanjungrejo|2005:Binangun|"
     "2006:Mergosari|2007:Mulyoagung|2008:Tunggulrejo|2009:Tingkis|2010:Mulyorejo|"
     "2011:Saringembat|2012:Kedungjambe"),
    ("08", "Kerek",
     "2001:Gemulung|2002:Sidonganti|2003:Trantang|2004:Wolutengah|2005:Tenggerwetan|"
     "2006:Gaji|2007:Hargoretno|2008:Margorejo|2009:Kedungrejo|2010:Jarorejo|2011:Mliwang|"
     "2012:Kasiman|2013:Margomulyo|2014:Temayang|2015:Sumberarum|2016:Karanglo|"
     "2017:Padasan"),
    ("09", "Parengan",
     "2001:Sembung|2002:Kemlaten|2003:Sukorejo|2004:Ngawun|2005:Mergoasri|2006:Kumpulrejo|"
     "2007:Parangbatu|2008:Wukirharjo|2009:Cengkong|2010:Brangkal|2011:Margorejo|"
     "2012:Dagangan|2013:Suciharjo|2014:Pacing|2015:Selogabus|2016:Sugihwaras|"
     "2017:Sendangrejo|2018:Mojomalang"),
    ("10", "Montong",
     "2001:Guwoterus|2002:Nguluhan|2003:Tanggulangin|2004:Manjung|2005:Talangkembar|"
     "2006:Montongsekar|2007:Pakel|2008:Sumurgung|2009:Bringin|2010:Pucangan|2011:Maindu|"
     "2012:Jetak|2013:Talun"),
    ("11", "Soko",
     "2001:Tluwe|2002:Wadung|2003:Jati|2004:Menilo|2005:Cekalang|2006:Pandanagung|"
     "2007:Prambontergayang|2008:Klumpit|2009:Simo|2010:Mentoro|2012:Kendalrejo|"
     "2013:Nguruan|2014:Jegulo|2015:Sokosari|2016:Bangunrejo|2017:Mojoagung|"
     "2019:Gununganyar|2020:Sumurcinde|2021:Pandanwangi|2022:Sandingrowo|2023:Rahayu|"
     "2024:Glagahsari|2025:Kenongosari"),
    ("12", "Jenu",
     "2001:Karangasem|2002:Socorejo|2003:Temaji|2004:Purworejo|2005:Tasikharjo|"
     "2006:Sumurgeneng|2007:Suwalan|2008:Remen|2009:Beji|2010:Wadung|2011:Rawasan|"
     "2012:Mentoso|2013:Jenggolo|2014:Kaliuntu|2015:Sekardadi|2016:Jenu|2017:Sugihwaras"),
    ("13", "Merakurak",
     "2001:Tlogowaru|2002:Tobo|2003:Temandang|2004:Tuwiri Wetan|2005:Pongpongan|"
     "2006:Tuwiri Kulon|2007:Sugihan|2008:Senori|2009:Sembungrejo|2010:Kapu|2011:Tahulu|"
     "2012:Tegalrejo|2013:Borehbangle|2014:Sambonggede|2015:Sumber|2016:Mandirejo|"
     "2017:Sendanghaji|2018:Bogorejo|2019:Sumberjo"),
    ("14", "Rengel",
     "2004:Kebonagung|2005:Pekuwon|2007:Rengel|2008:Maibit|2009:Bulurejo|"
     "2010:Karangtinoto|2011:Sawahan|2013:Kanorejo|2014:Tambakrejo|2016:Ngadirejo|"
     "2017:Sumberejo|2018:Punggulrejo|2019:Campurejo|2020:Banjaragung|2021:Banjararum|"
     "2022:Prambonwetan"),
    ("15", "Semanding",
     "1006:Karang|1015:Gedongombo|2001:Jadi|2002:Boto|2003:Prunggahan Kulon|"
     "2004:Tegalagung|2009:Bektiharjo|2010:Ngino|2011:Prunggahan Wetan|2012:Sambongrejo|"
     "2013:Semanding|2014:Bejagung|2016:Penambangan|2017:Genaharjo|2018:Kowang|2019:Tunah|"
     "2020:Gesing"),
    ("16", "Tuban",
     "1003:Mondokan|1005:Perbon|1006:Latsari|1007:Karangsari|1008:Kingking|"
     "1009:Ronggomulyo|1010:Sidorejo|1011:Doromukti|1012:Sidomulyo|1013:Kutorejo|"
     "1014:Kebonsari|1015:Sendangharjo|1016:Baturetno|1017:Sukolilo|2001:Sumurgung|"
     "2002:Sugiharjo|2004:Kembangbilo"),
    ("17", "Plumpang",
     "2001:Trutup|2002:Kesamben|2003:Kepohagung|2004:Kedungrojo|2005:Sumurjalak|"
     "2006:Sembungrejo|2007:Sumberagung|2008:Cangkring|2009:Plumpang|2010:Plandirejo|"
     "2011:Ngrayung|2012:Bandungrejo|2013:Jatimulyo|2014:Klotok|2015:Magersari|"
     "2016:Kebomlati|2017:Penidon|2018:Kedungsoko"),
    ("18", "Palang",
     "1001:Panyuran|2002:Tasikmadu|2003:Tegalbang|2004:Sumurgung|2005:Kradenan|"
     "2006:Dawung|2007:Cendoro|2008:Ngimbang|2009:Pucangan|2010:Gesikharjo|2011:Palang|"
     "2012:Glodog|2013:Leran Kulon|2014:Leran Wetan|2015:Wangun|2016:Karangagung|"
     "2017:Pliwetan|2018:Cepokorejo|2019:Ketambul"),
    ("19", "Widang",
     "2001:Patihan|2002:Minohorejo|2003:Mrutuk|2004:Compreng|2005:Sumberjo|2006:Ngadipuro|"
     "2007:Ngadirejo|2008:Bunut|2009:Widang|2010:Banjar|2011:Tegalsari|2012:Mlangi|"
     "2013:Simorejo|2014:Kedungharjo|2015:Kujung|2016:Tegalrejo"),
    ("20", "Grabagan",
     "2001:Ngarum|2002:Ngrejeng|2003:Grabagan|2004:Waleran|2005:Banyubang|2006:Gesikan|"
     "2007:Ngandong|2008:Dahor|2009:Dermawuharjo|2010:Menyunyur|2011:Pakis"),
)

# On the coast of the Java Sea: fishing is a head's work only here (assumed from the map;
# domain.md §3.2 gives only "65 km of coast" on the north).
COASTAL = {"Bancar", "Tambakboyo", "Jenu", "Tuban", "Palang"}
# Along the Bengawan Solo, where floods recur (assumed, general knowledge).
FLOODPLAIN = {"Rengel", "Plumpang", "Widang", "Soko"}
# Where a spouse or a parent-in-law may come from: neighbouring regencies (domain.md §3.2,
# "Borders"), with a NIK region of theirs. Jawa Tengah NIKs start with 33.
ORIGINS = (("3522", "Bojonegoro"), ("3524", "Lamongan"), ("3317", "Rembang"),
           ("3316", "Blora"), ("3578", "Surabaya"))


# ----- small random helpers -----------------------------------------------------------------

def pick(rng, table):
    """One key of {value: weight}, by weight."""
    keys = list(table)
    return rng.choices(keys, weights=[table[k] for k in keys])[0]


def blend(poor, rich, s):
    """Weights between a poor household's table (s = 0) and a rich one's (s = 1)."""
    return {k: poor.get(k, 0) * (1 - s) + rich.get(k, 0) * s for k in {**poor, **rich}}


def worse(table, bad, factor=3.0):
    """A table with its deprived options made more likely (extreme poverty clusters)."""
    return {k: w * factor if k in bad else w for k, w in table.items()}


def chance(rng, p):
    return rng.random() < p


def money(x, step=10_000):
    """Whole rupiah, rounded to a step as people report it."""
    return int(max(0, round(x / step)) * step)


def age_on(birth, day):
    """Completed years, as the engine's years_between."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


def day_between(rng, first, last):
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


# ----- names (synthetic: common given names by birth cohort, freely combined) ---------------

NAMES = {
    ("L", "old"): "Kasmuri Rasimin Tarmuji Sarji Wagiman Karsono Sukardi Paijan Rasmun Ngatemin "
                  "Darsono Suwarno Sumarno Kaslan Mujiono Sutomo Kasiman Legiman Saeran Rakimin "
                  "Suyitno Jasmo Darmaji Ngadimin Sunardi Karto",
    ("P", "old"): "Kasiyem Sarmi Warsini Painah Tukinah Suminah Darmi Kasmirah Rasmini Sumiyati "
                  "Tarmi Sainem Ngatini Kamisah Rukini Wasinah Semi Tasmi Juminah Lasmi Sarpini "
                  "Kastini Rumini Darsih",
    ("L", "mid"): "Sutrisno Suparman Sugianto Mulyono Agus_Salim Joko_Susilo Slamet_Riyadi "
                  "Teguh_Santoso Eko_Prasetyo Ahmad_Fauzi Imam_Syafii Moh._Khoirul_Anam "
                  "Abdul_Rohman Nur_Kholis Heri_Susanto Dwi_Cahyono Budi_Santoso Supriyadi "
                  "Sunarto Rudi_Hartono Ali_Mustofa Mashuri Zainal_Arifin Kusnadi Suwito",
    ("P", "mid"): "Sri_Wahyuni Siti_Aminah Siti_Romlah Sulastri Sumiati Endang_Lestari "
                  "Nur_Hidayah Tri_Wahyuningsih Umi_Kulsum Lilik_Suryani Yuli_Astutik "
                  "Sri_Mulyani Dwi_Rahayu Siti_Maisaroh Kasmiatun Anik_Susanti Rina_Wati "
                  "Suwarti Sunarsih Mutmainah Siti_Khotijah Ernawati Musriah Sulikah",
    ("L", "young"): "Muhammad_Rizki Ahmad_Dani Dimas_Aditya Rafi_Ardiansyah Muhammad_Fajar "
                    "Bagus_Setiawan Rizal_Fahmi Aditya_Pratama Fikri_Maulana Muhammad_Alfian "
                    "Wahyu_Nugroho Galang_Ramadhan Muhammad_Rafa Arka_Pradipta Zidan_Alfarizi "
                    "Daffa_Maulana Muhammad_Hafiz Raka_Saputra Yusuf_Ibrahim Naufal_Hakim "
                    "Ahmad_Zaki Bima_Prakoso",
    ("P", "young"): "Aisyah_Putri Nabila_Azzahra Dewi_Anggraini Putri_Ayu Siti_Nur_Azizah "
                    "Anisa_Rahmawati Zahra_Aulia Salsabila Nur_Aini Alya_Rahma Khansa_Nadhira "
                    "Fitri_Handayani Laila_Safitri Intan_Permata Rahma_Dewi Citra_Amelia "
                    "Nayla_Putri Adinda_Sari Syifa_Nuraini Tiara_Anjani Aqila_Zahra",
}
NAMES = {k: [n.replace("_", " ") for n in v.split()] for k, v in NAMES.items()}


def person_name(rng, sex, birth):
    cohort = "old" if birth.year < 1966 else "mid" if birth.year < 1991 else "young"
    return rng.choice(NAMES[(sex, cohort)])


# ----- who lives in a household --------------------------------------------------------------
# A person is a dict; "age" is exact years (a float) on AS_OF, "mother" the dict of the mother
# when she lives in the household. Sizes 1-9 weigh 9, 18, 22, 23, 15, 8, 3.5, 1.1, 0.4 %
# (mean 3.6; assumed).

SIZES = {1: 9, 2: 18, 3: 22, 4: 23, 5: 15, 6: 8, 7: 3.5, 8: 1.1, 9: 0.4}


def person(relation, sex, age, marital, mother=None):
    return {"relation": relation, "sex": sex, "age": max(0.0, age), "marital_status": marital,
            "mother": mother}


def family(rng, n_children, s):
    """Ages of a father, a mother and n children born when she was 18-42."""
    first = rng.uniform(18, 25) + 3 * s  # richer families start later
    gaps = [rng.uniform(1.5, 5.0) for _ in range(max(0, n_children - 1))]
    span = sum(gaps)
    if first + span > 42:
        gaps = [g * (42 - first) / span for g in gaps]
        span = sum(gaps)
    if n_children == 0:
        mother = rng.uniform(19, 36)
        kids = []
    else:
        top = max(0.5, 27 - span)
        # A quarter of families are past the small-children stage.
        youngest = rng.triangular(0, top, 0) if chance(rng, 0.75) else \
            rng.uniform(min(12, top), top)
        mother = first + span + youngest
        kids = [youngest + sum(gaps[i:]) for i in range(n_children)]  # eldest first
    father = mother + rng.triangular(-2, 10, 3)
    return father, mother, kids


def children(rng, ages, mother, relation="anak"):
    out = []
    for a in ages:
        marital = "belum_kawin"
        if a >= 22 and chance(rng, 0.08):
            marital = "cerai_hidup"
        out.append(person(relation, pick(rng, {"L": 51, "P": 49}), a, marital, mother))
    return out


def widowed_or_divorced(rng, age):
    return "cerai_mati" if chance(rng, 0.75 if age >= 50 else 0.35) else "cerai_hidup"


def compose(rng, size, s):
    """The members of a household of this size, head first, in KK order."""
    if size == 1:
        kind = pick(rng, {"lone_elder": 55, "lone_adult": 28, "lone_young": 17})
    elif size == 2:
        kind = pick(rng, {"elder_couple": 46, "couple": 17, "single_parent": 25, "skip_gen": 6,
                          "three_gen": 6})
    elif size == 3:
        kind = pick(rng, {"couple": 62, "single_parent": 15, "with_grandparent": 8,
                          "three_gen": 10, "skip_gen": 5})
    else:
        kind = pick(rng, {"couple": 58, "single_parent": 10, "with_grandparent": 14,
                          "three_gen": 16, "skip_gen": 2})

    if kind == "lone_elder":
        sex = pick(rng, {"P": 72, "L": 28})
        age = rng.triangular(60, 93, 70)
        marital = pick(rng, {"cerai_mati": 85, "cerai_hidup": 9, "belum_kawin": 6})
        return [person("kepala", sex, age, marital)]
    if kind == "lone_adult":
        age = rng.uniform(35, 62)
        marital = pick(rng, {"cerai_hidup": 45, "cerai_mati": 30, "belum_kawin": 25})
        return [person("kepala", pick(rng, {"L": 50, "P": 50}), age, marital)]
    if kind == "lone_young":
        marital = pick(rng, {"belum_kawin": 80, "cerai_hidup": 20})
        return [person("kepala", pick(rng, {"L": 65, "P": 35}), rng.uniform(19, 35), marital)]
    if kind == "elder_couple":
        head = rng.triangular(50, 90, 64)  # children grown and gone
        return [person("kepala", "L", head, "kawin"),
                person("pasangan", "P", max(50, head - rng.triangular(0, 12, 4)), "kawin")]
    if kind == "couple":
        father, mother, kids = family(rng, size - 2, s)
        wife = person("pasangan", "P", mother, "kawin")
        return [person("kepala", "L", father, "kawin"), wife] + children(rng, kids, wife)
    if kind == "single_parent":
        father, mother, kids = family(rng, size - 1, s)
        if chance(rng, 0.7):
            head = person("kepala", "P", mother, widowed_or_divorced(rng, mother))
            return [head] + children(rng, kids, head)
        return [person("kepala", "L", father, widowed_or_divorced(rng, father))] + \
            children(rng, kids, None)
    if kind == "with_grandparent":
        father, mother, kids = family(rng, size - 3, s)
        wife = person("pasangan", "P", mother, "kawin")
        elder_of = pick(rng, {"orang_tua": 55, "mertua": 45})
        elder_age = (father if elder_of == "orang_tua" else mother) + rng.uniform(20, 34)
        elder = person(elder_of, pick(rng, {"P": 70, "L": 30}), elder_age,
                       pick(rng, {"cerai_mati": 80, "kawin": 20}))
        return [person("kepala", "L", father, "kawin"), wife] + children(rng, kids, wife) + [elder]
    if kind == "skip_gen":
        # Grandparents raising grandchildren whose parents work away (common in Java).
        grandchildren = [rng.uniform(1, 16) for _ in range(size - 1)]
        head_age = max(grandchildren) + rng.uniform(38, 55)
        head = person("kepala", pick(rng, {"P": 60, "L": 40}), head_age,
                      widowed_or_divorced(rng, head_age))
        return [head] + children(rng, sorted(grandchildren, reverse=True), None, "cucu")
    # three_gen: an elder head, perhaps a spouse, a grown child, perhaps a child-in-law,
    # and grandchildren.
    has_spouse = size >= 4 and chance(rng, 0.7)
    n_grand = size - 2 - (1 if has_spouse else 0)
    has_in_law = n_grand >= 2 or (n_grand == 1 and size >= 4 and chance(rng, 0.5))
    if has_in_law:
        n_grand -= 1
    father, mother, kids = family(rng, n_grand, s)
    daughter = chance(rng, 0.6)
    child = person("anak", "P" if daughter else "L", mother if daughter else father,
                   "kawin" if has_in_law else widowed_or_divorced(rng, mother))
    in_law = person("menantu", "L" if daughter else "P", father if daughter else mother, "kawin")
    young_mother = child if daughter else (in_law if has_in_law else None)
    elder_age = child["age"] + rng.uniform(20, 34)
    if has_spouse:
        members = [person("kepala", "L", elder_age + rng.triangular(-1, 8, 3), "kawin"),
                   person("pasangan", "P", elder_age, "kawin")]
    else:
        members = [person("kepala", pick(rng, {"P": 65, "L": 35}), elder_age,
                          widowed_or_divorced(rng, elder_age))]
    members.append(child)
    if has_in_law:
        members.append(in_law)
    return members + children(rng, kids, young_mother, "cucu")


# ----- the household model ---------------------------------------------------------------------
# Values are Python values; None is "no value" (not applicable, or never recorded). Which
# recorded values are then lost at intake is decided later (MISSING), apart from the model.

# DTSEN status: in DTSEN with a decile; known not to be (a new family, a walk-in proposed for
# registration); not yet checked (domain.md §2.1, SIKS-NG workflow). Deciles of registered
# households lean to the poor side, as a registry of the poorer part does, but only mildly
# (assumed weights): nearly every poor household has a PKH component, so a stronger skew would
# make some 40% of households eligible for PKH instead of about a third.
DTSEN_STATUS = {"registered": 90, "not_registered": 5, "not_checked": 5}
DESIL_WEIGHTS = {1: 12, 2: 11, 3: 10, 4: 10, 5: 10, 6: 10, 7: 10, 8: 10, 9: 9, 10: 8}
# A household outside DTSEN still has a welfare level; it is drawn poorer (those who come
# asking to be registered), and never written.
HIDDEN_DESIL_WEIGHTS = {1: 20, 2: 18, 3: 15, 4: 12, 5: 10, 6: 8, 7: 6, 8: 5, 9: 4, 10: 2}
# Income per person per month by decile, Rp, for a one-person household; a household of n
# has n^0.85 times it (assumed; per person, deciles 1-2 then fall around Tuban's March 2025
# poverty line of Rp504,823, domain.md §3.2).
INCOME_PER_PERSON = (420_000, 540_000, 650_000, 760_000, 880_000, 1_020_000, 1_200_000,
                     1_450_000, 1_850_000, 2_700_000)
# Median savings plus saleable goods by decile, Rp (assumed; a used motorbike is a few million).
ASSETS = (150_000, 400_000, 900_000, 2_000_000, 3_500_000, 5_000_000, 8_000_000, 12_000_000,
          20_000_000, 40_000_000)
DTSEN_UPDATES = {dt.date(2025, 10, 1): 80, dt.date(2025, 7, 1): 14, dt.date(2025, 4, 1): 6}

# Materials and utilities: a poor household's table and a rich one's, blended by welfare
# (assumed shares, shaped after the BPS indicator list, domain.md §2.2).
FLOOR = ({"tanah": 22, "bambu": 2, "kayu_murah": 5, "semen": 50, "keramik": 18, "kayu_baik": 1,
          "lainnya": 2},
         {"tanah": 1, "semen": 15, "keramik": 82, "kayu_baik": 1, "lainnya": 1})
WALL = ({"bambu": 12, "rumbia": 0.5, "kayu_murah": 18, "tembok_tanpa_plester": 20, "tembok": 45,
         "kayu_baik": 3, "lainnya": 1.5},
        {"kayu_murah": 1, "tembok_tanpa_plester": 4, "tembok": 93, "kayu_baik": 2})
ROOF = ({"ijuk_rumbia": 0.5, "genteng": 80, "seng": 4, "asbes": 14, "beton": 0.5, "lainnya": 1},
        {"genteng": 82, "seng": 1, "asbes": 8, "beton": 8, "lainnya": 1})
TOILET = ({"sendiri": 70, "bersama": 12, "umum": 4, "tidak_ada": 14},
          {"sendiri": 98, "bersama": 1.5, "umum": 0.3, "tidak_ada": 0.2})
LIGHTING = ({"pln_meter": 78, "pln_tanpa_meter": 20, "listrik_non_pln": 1, "bukan_listrik": 1},
            {"pln_meter": 99.5, "pln_tanpa_meter": 0.4, "listrik_non_pln": 0.1})
WATER = ({"ledeng": 10, "air_kemasan": 14, "sumur_bor": 30, "sumur_terlindung": 28,
          "sumur_tak_terlindung": 8, "mata_air_terlindung": 4, "mata_air_tak_terlindung": 3,
          "sungai": 1, "air_hujan": 1.5, "lainnya": 0.5},
         {"ledeng": 20, "air_kemasan": 45, "sumur_bor": 28, "sumur_terlindung": 6,
          "sumur_tak_terlindung": 0.3, "mata_air_terlindung": 0.5, "lainnya": 0.2})
FUEL = ({"listrik": 0.5, "gas": 62, "minyak_tanah": 0.5, "arang": 1, "kayu_bakar": 35,
         "lainnya": 1},
        {"listrik": 3, "gas": 95, "arang": 0.2, "kayu_bakar": 1.5, "lainnya": 0.3})
VA = ({450: 55, 900: 40, 1300: 5}, {450: 5, 900: 35, 1300: 40, 2200: 20})
LAND_DOCUMENT = ({"sertifikat": 35, "ajb": 10, "girik": 35, "surat_desa": 12, "lainnya": 2,
                  "tidak_ada": 6},
                 {"sertifikat": 80, "ajb": 8, "girik": 8, "surat_desa": 3, "lainnya": 1})
# The head's work (BPS indicator 12 names the low ones). Fishers only on the coast.
HEAD_WORK = ({"petani_gurem": 18, "petani": 8, "buruh_tani": 25, "nelayan": 8,
              "buruh_bangunan": 12, "buruh_perkebunan": 2, "pedagang": 8, "karyawan": 4,
              "wiraswasta": 5, "lainnya": 6, "tidak_bekerja": 4},
             {"petani_gurem": 3, "petani": 18, "buruh_tani": 3, "nelayan": 3, "buruh_bangunan": 3,
              "buruh_perkebunan": 1, "pedagang": 18, "karyawan": 25, "asn_tni_polri": 6,
              "wiraswasta": 15, "lainnya": 5, "tidak_bekerja": 2})
OTHER_WORK = ({"buruh_tani": 28, "buruh_bangunan": 10, "pedagang": 14, "karyawan": 12,
               "pekerja_rumah_tangga": 7, "petani": 4, "wiraswasta": 6, "nelayan": 5,
               "lainnya": 14},
              {"buruh_tani": 4, "buruh_bangunan": 3, "pedagang": 18, "karyawan": 40,
               "pekerja_rumah_tangga": 2, "petani": 6, "wiraswasta": 15, "asn_tni_polri": 3,
               "nelayan": 1, "lainnya": 8})
LOW_WORK = {"petani_gurem", "buruh_tani", "nelayan", "buruh_bangunan", "buruh_perkebunan"}
# Highest schooling completed by adults, by age band (oldest cohorts least schooled); shifted
# one step down or up for poor or rich households (assumed).
EDUCATION_BY_AGE = (
    (60, {"tidak_sekolah": 25, "tidak_tamat_sd": 30, "sd": 33, "smp": 7, "sma": 4,
          "perguruan_tinggi": 1}),
    (45, {"tidak_sekolah": 6, "tidak_tamat_sd": 14, "sd": 45, "smp": 18, "sma": 15,
          "perguruan_tinggi": 2}),
    (30, {"tidak_sekolah": 2, "tidak_tamat_sd": 5, "sd": 33, "smp": 28, "sma": 28,
          "perguruan_tinggi": 4}),
    (0, {"tidak_sekolah": 1, "tidak_tamat_sd": 2, "sd": 15, "smp": 27, "sma": 48,
         "perguruan_tinggi": 7}),
)
EDUCATION_LEVELS = ["tidak_sekolah", "tidak_tamat_sd", "sd", "smp", "sma", "perguruan_tinggi"]
RELIGION = {"islam": 985, "kristen": 9, "katolik": 3, "konghucu": 1.5, "buddha": 1, "hindu": 0.5}
KK_ORDER = ["kepala", "pasangan", "anak", "menantu", "cucu", "orang_tua", "mertua", "famili_lain",
            "lainnya"]


class Model:
    """Draws households one by one from a single seeded stream."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.kecamatan = {}
        for code, name, desa in DESA:
            self.kecamatan[code] = (name, [tuple(d.split(":")) for d in desa.split("|")])
        self.serials = {}  # 12-digit NIK/KK prefix -> last serial given
        self.dtsen_seq = 0
        self.case_seq = 0
        self.temp_seq = 0
        self.letter_seq = 0

    # -- identifiers -------------------------------------------------------------------------

    def serial(self, prefix):
        # Serials start at 9001: a real NIK or KK counts from 0001 for each region and date,
        # and no kecamatan reaches 9,000 people born (or KKs issued) on one day, so these
        # numbers have the real layout but cannot be anyone's.
        n = self.serials.get(prefix, 9000) + 1
        self.serials[prefix] = n
        return f"{prefix}{n:04d}"

    def nik(self, region6, birth, sex, garble=False):
        day = birth.day + (40 if sex == "P" else 0)
        if garble:  # a typo in the date digits: the kind of NIK Dukcapil does not match
            day = self.rng.choice([d for d in range(1, 29) if d != birth.day])
        return self.serial(f"{region6}{day:02d}{birth.month:02d}{birth.year % 100:02d}")

    def kk_number(self, kec_code):
        issued = day_between(self.rng, dt.date(2008, 1, 1), dt.date(2025, 11, 30))
        return self.serial(f"3523{kec_code}{issued:%d%m%y}")

    # -- one household ------------------------------------------------------------------------

    def household(self):
        rng = self.rng
        kec_code = pick(rng, POPULATION_2020)
        kec, desa_list = self.kecamatan[kec_code]
        desa_code, desa = rng.choice(desa_list)
        size = pick(rng, SIZES)
        status = pick(rng, DTSEN_STATUS)
        desil = pick(rng, DESIL_WEIGHTS if status == "registered" else HIDDEN_DESIL_WEIGHTS)
        if size >= 5 and chance(rng, 0.15):
            desil = max(1, desil - 2)  # a proxy-means test ranks large families lower
        s = min(1.0, max(0.0, (desil - 1) / 9 + rng.gauss(0, 0.08)))  # welfare, 0 = poorest
        poor = desil <= 4
        # Extreme poverty: deprivations come together (house, food, schooling, assets).
        extreme = chance(rng, {1: 0.35, 2: 0.12}.get(desil, 0))

        members = compose(rng, size, s)
        if size >= 3 and members[-1]["relation"] in ("anak", "cucu") and chance(rng, 0.03):
            members[-1]["relation"] = "famili_lain"  # a niece or nephew raised in the family
            members[-1]["mother"] = None
        members.sort(key=lambda m: KK_ORDER.index(m["relation"]))  # stable: eldest child first
        for m in members:
            m["birth_date"] = AS_OF - dt.timedelta(days=int(m["age"] * 365.2425) + 1)
            m["age"] = age_on(m["birth_date"], AS_OF)
        head = members[0]

        h = {"kecamatan": kec, "desa": desa, "region_code": f"3523{kec_code}{desa_code}"}
        h["id"] = h["kk_number"] = self.kk_number(kec_code)
        h["in_dtsen"] = {"registered": True, "not_registered": False}.get(status)
        h["desil"] = desil if status == "registered" else None
        if status == "registered":
            self.dtsen_seq += 1
            h["dtsen_id"] = f"DT3523{kec_code}{self.dtsen_seq:06d}"  # invented layout
            h["desil_date"] = pick(rng, DTSEN_UPDATES)
        h["rw"] = f"{rng.randint(1, 6):03d}"
        h["rt"] = f"{rng.randint(1, 4) + 4 * (int(h['rw']) - 1):03d}"
        if desa_code.startswith("1"):  # a kelurahan: town streets
            h["address"] = "Gg. " + rng.choice(["Melati", "Mawar", "Kenanga", "Flamboyan",
                                                "Anggrek", "Dahlia", "Cempaka", "Teratai"])
        else:
            h["address"] = "Dsn. " + rng.choice(["Krajan", "Krajan", "Kidul", "Lor", "Wetan",
                                                 "Kulon", "Tengah", "Ngasem", "Sumber", "Gunung",
                                                 "Karang", "Mulyo", "Jati", "Tegalrejo"])
        h["domicile_differs"] = chance(rng, 0.04)
        # Exported registries mask phone numbers; these are masked too, and never dialable.
        if chance(rng, 0.75 - 0.2 * (head["age"] >= 70)):
            prefix = rng.choice(["0812", "0813", "0852", "0853", "0857", "0878", "0896"])
            h["phone"] = f"{prefix}****{rng.randint(0, 9999):04d}"

        religion = pick(rng, RELIGION)
        suku = "Tionghoa" if religion in ("konghucu", "buddha") else \
            pick(rng, {"Jawa": 97, "Madura": 1.5, "Tionghoa": 0.8, "Sunda": 0.7})

        self.people(h, members, s, kec_code, extreme)
        self.economy(h, members, s, desil, kec, extreme)
        self.housing(h, members, s, extreme)
        self.programmes(h, members, s, desil, poor and status == "registered")
        self.ppks(h, members, s, kec)
        self.intake(h, members, kec, desa)
        self.bps_flags(h, members)
        for m in members:
            m["religion"] = religion if chance(rng, 0.99) else pick(rng, RELIGION)
            m["suku"] = suku
        return h, members

    # -- persons: identity, school, health ------------------------------------------------------

    def people(self, h, members, s, kec_code, extreme):
        rng = self.rng
        for m in members:
            birth, age, sex = m["birth_date"], m["age"], m["sex"]
            region, place = f"3523{kec_code}", "Tuban"
            if m["relation"] in ("pasangan", "menantu", "mertua", "orang_tua"):
                r = rng.random()
                if r < 0.08:  # married in from a neighbouring regency
                    prefix, place = rng.choice(ORIGINS)
                    region = f"{prefix}{rng.randint(1, 20):02d}"
                elif r < 0.25:  # from another kecamatan of Tuban
                    region = f"3523{rng.randint(1, 20):02d}"
            elif chance(rng, 0.03):
                place = rng.choice(["Bojonegoro", "Lamongan", "Surabaya", "Jakarta"])
            m["birth_place"] = place
            m["name"] = person_name(rng, sex, birth)

            p_none = 0.25 if age < 1 else 0.06 if age < 5 else 0.02
            m["nik_status"] = pick(rng, {"valid": 1 - p_none - 0.02, "tidak_valid": 0.02,
                                         "tidak_ada": p_none})
            if m["nik_status"] == "tidak_ada":
                # A temporary intake id, never a NIK layout.
                self.temp_seq += 1
                m["nik"] = f"SMT{region}{self.temp_seq:07d}"
                m["nik_jatim"] = False
            else:
                m["nik"] = self.nik(region, birth, sex, garble=m["nik_status"] == "tidak_valid")
                m["nik_jatim"] = m["nik"].startswith("35")
            adult = age >= 17 or m["marital_status"] != "belum_kawin"
            m["has_ktp"] = adult and m["nik_status"] != "tidak_ada" and \
                chance(rng, 0.96 if m["nik_status"] == "valid" else 0.7)
            p_akta = 0.92 if birth.year >= 2005 else 0.6 if birth.year >= 1970 else 0.3
            m["has_akta"] = chance(rng, p_akta * (0.4 if m["nik_status"] == "tidak_ada" else 1))
            m["has_kia"] = age < 17 and m["nik_status"] != "tidak_ada" and \
                chance(rng, 0.45 + 0.2 * s)
            self.school(m, s, extreme)

            # Disability by age band, a little more common in poorer households; severity
            # ringan 45, sedang 40, berat 15 % (assumed).
            p_dis = (0.03 if age < 18 else 0.05 if age < 60 else 0.15) * (1.3 - 0.5 * s)
            if age >= 2 and chance(rng, p_dis):
                m["disability"] = pick(rng, {"ringan": 45, "sedang": 40, "berat": 15})
                types = [pick(rng, {"fisik": 45, "sensorik": 25, "intelektual": 15, "mental": 15})]
                if chance(rng, 0.12 if m["disability"] == "berat" else 0.05):
                    types.append(pick(rng, {t: 1 for t in ("fisik", "sensorik", "intelektual",
                                                           "mental") if t != types[0]}))
                m["disability_type"] = types
                m["disability_rehabilitable"] = chance(
                    rng, {"ringan": 0.8, "sedang": 0.5, "berat": 0.25}[m["disability"]])
                m["needs_daily_help"] = m["disability"] == "berat" or \
                    (m["disability"] == "sedang" and chance(rng, 0.2))
            else:
                m["disability"], m["disability_type"] = "none", []
                # Not asked of infants, who all need help (the question is about disability).
                m["needs_daily_help"] = None if age < 2 else age >= 80 and chance(rng, 0.25)
            p_chronic = 0.015 if age < 18 else 0.04 if age < 40 else 0.10 if age < 60 else 0.22
            m["chronic_illness"] = chance(rng, p_chronic)
            if age < 5:  # measured at the posyandu
                m["stunting"] = chance(rng, 0.25 - 0.15 * s)
                m["wasting"] = chance(rng, 0.07 - 0.04 * s)
            m["hiv_positive"] = None  # not asked at intake; known only when disclosed
            m["abh_role"] = "none"
            m["migrant_status"] = "bukan"
            for flag in ("neglected", "homeless", "begging", "scavenging", "sex_work",
                         "drug_use", "violence_victim", "trafficking_victim"):
                m[flag] = False
            m["street_hours_per_day"] = 0
            m["violence_type"] = []
            m["ppks"] = []
            m["lives_with_family"] = True

        # Pregnant or nifas (domain.md §2.3: "ibu hamil / nifas"): a woman with a baby born in
        # the last 42 days is nifas; other married women 15-49 are pregnant at rates by age,
        # not within 9 months of their last baby (assumed rates).
        for m in members:
            m["pregnant"] = False
        for m in members:
            mother = m["mother"]
            if mother is not None and (AS_OF - m["birth_date"]).days <= 42:
                mother["pregnant"], mother["delivery_date"] = True, m["birth_date"]
        for m in members:
            if m["sex"] != "P" or m["marital_status"] != "kawin" or not 15 <= m["age"] <= 49:
                continue
            own = [c["age"] for c in members if c["mother"] is m]
            if m["pregnant"] or (own and min(own) < 1):
                continue
            a = m["age"]
            p = next(q for top, q in ((20, 0.10), (30, 0.13), (35, 0.09), (40, 0.05), (99, 0.015))
                     if a < top)
            if chance(self.rng, p):
                m["pregnant"] = True
                m["delivery_date"] = AS_OF + dt.timedelta(days=self.rng.randint(7, 270))
        for m in members:
            if m["pregnant"] and chance(rng, 0.4):
                m["hiv_positive"] = False  # screened at antenatal care

    def school(self, m, s, extreme=False):
        """School attended in 2025/26 and schooling completed, consistent with age."""
        rng = self.rng
        age = m["age"]
        age_july = age_on(m["birth_date"], SCHOOL_YEAR_START)
        grade = age_july - (6 if chance(rng, 0.3) else 7) + 1
        if chance(rng, 0.06):
            grade -= 1  # started late or repeated a year
        level, completed = "none", None
        if age_july < 3:
            completed = "tidak_sekolah"
        elif grade < 1:
            completed = "tidak_sekolah"
            if chance(rng, 0.15 if age_july == 3 else 0.5 + 0.2 * s):
                level = "paud"
        elif grade <= 12:
            stage = "sd" if grade <= 6 else "smp" if grade <= 9 else "sma"
            p = {"sd": 0.985, "smp": 0.93, "sma": 0.55 + 0.35 * s}[stage]
            if chance(rng, p):
                level = stage
                completed = {"sd": "tidak_tamat_sd", "smp": "sd", "sma": "smp"}[stage]
            else:  # left school
                completed = {"sd": "tidak_tamat_sd",
                             "smp": pick(rng, {"sd": 85, "tidak_tamat_sd": 15}),
                             "sma": pick(rng, {"smp": 75, "sd": 25})}[stage]
        elif age <= 23 and chance(rng, 0.08 + 0.3 * s):
            level, completed = "pt", "sma"
        if completed is None:
            table = next(t for lo, t in EDUCATION_BY_AGE if age >= lo)
            if age < 22:
                table = {k: v for k, v in table.items() if k != "perguruan_tinggi"}
            i = EDUCATION_LEVELS.index(pick(rng, table))
            if s < 0.3 and chance(rng, 0.6 if extreme else 0.3):
                i = max(0, i - 1)
            elif s > 0.6 and chance(rng, 0.35):
                i = min(len(EDUCATION_LEVELS) - 1 - (age < 22), i + 1)
            completed = EDUCATION_LEVELS[i]
        m["education"] = completed
        m["enrolled"] = level != "none"
        m["school_level"] = level
        if level in ("sd", "smp", "sma"):
            m["school_grade"] = grade
            m["attendance_pct"] = round(rng.uniform(85, 100) if chance(rng, 0.9)
                                        else rng.uniform(55, 85), 1)
        m["completed_12_years"] = completed in ("sma", "perguruan_tinggi")

    # -- work, income, assets -------------------------------------------------------------------

    def economy(self, h, members, s, desil, kec, extreme):
        rng = self.rng
        head = members[0]
        table = blend(*HEAD_WORK, s)
        if kec not in COASTAL:
            table["nelayan"] = 0
        else:
            table["nelayan"] *= 3
        if head["sex"] == "P":
            for k in ("buruh_bangunan", "nelayan", "asn_tni_polri"):
                table[k] *= 0.1
            table["pedagang"] *= 2
            table["tidak_bekerja"] += 6
        if head["age"] >= 60:
            table["tidak_bekerja"] += 40 if head["age"] >= 70 else 12
            table["karyawan"] *= 0.2
            table["asn_tni_polri"] = 0
        if head["age"] < 18 or head["enrolled"]:
            table = {"tidak_bekerja": 1}
        h["head_occupation"] = pick(rng, table)
        for m in members:
            m["state_employee"] = False
            if m is head:
                occupation = h["head_occupation"]
                # A pensioned civil servant, soldier or police officer (domain.md §2.11).
                if occupation == "tidak_bekerja" and head["age"] >= 58 and chance(rng, 0.06 * s):
                    m["state_employee"] = True
            elif m["age"] < 15 or m["enrolled"]:
                occupation = "tidak_bekerja"
            else:
                p = 0.75 if m["sex"] == "L" else 0.5
                if m["relation"] == "pasangan":
                    p = 0.45
                if m["age"] >= 65 or m["relation"] in ("orang_tua", "mertua"):
                    p = 0.25
                elif m["age"] < 18:
                    p = 0.35
                if m["disability"] in ("sedang", "berat"):
                    p *= 0.2
                work = blend(*OTHER_WORK, s)
                if kec not in COASTAL or m["sex"] == "P":
                    work["nelayan"] = 0
                if m["sex"] == "L":
                    work["pekerja_rumah_tangga"] *= 0.1
                else:
                    work["buruh_bangunan"] = 0
                occupation = pick(rng, work) if chance(rng, p) else "tidak_bekerja"
            if occupation == "asn_tni_polri":
                m["state_employee"] = True
            m["occupation"] = occupation
            m["employed"] = occupation != "tidak_bekerja"

        # Income: a per-person level by decile, times size^0.85, noisy; the head earns most of
        # it when working; households with no earner live on transfers and remittances.
        level = INCOME_PER_PERSON[desil - 1] * len(members) ** 0.85 * rng.lognormvariate(0, 0.3)
        earners = [m for m in members if m["employed"]]
        for m in members:
            m["personal_income_month"] = 0
        if earners:
            labour = level * rng.uniform(0.85, 1.0)
            share_head = 1.0 if earners == [head] else \
                rng.uniform(0.45, 0.8) if head["employed"] else 0
            for m in earners:
                if m is head:
                    m["personal_income_month"] = money(labour * share_head)
                else:
                    others = len(earners) - (1 if head["employed"] else 0)
                    m["personal_income_month"] = money(labour * (1 - share_head) / others *
                                                       rng.uniform(0.7, 1.3))
            transfers = money(level * rng.uniform(0, 0.15))
        else:
            transfers = 0 if chance(rng, 0.15) else money(rng.uniform(100_000, 700_000), 50_000)
        h["income_month"] = sum(m["personal_income_month"] for m in members) + transfers
        h["head_income_month"] = head["personal_income_month"]
        spend = rng.uniform(0.9, 1.2) if s < 0.4 else rng.uniform(0.6, 0.95)
        h["expenditure_month"] = money(max(h["income_month"] * spend,
                                           rng.uniform(150_000, 400_000)))
        top = max(members, key=lambda m: m["personal_income_month"])
        for m in members:
            m["main_breadwinner"] = m is top and m["personal_income_month"] > 0

        p_zero = 0.55 if extreme else {1: 0.25, 2: 0.15, 3: 0.08}.get(desil, 0.03)
        h["assets_value"] = 0 if chance(rng, p_zero) else \
            money(ASSETS[desil - 1] * rng.lognormvariate(0, 1.0), 50_000)
        work = h["head_occupation"]
        if work == "petani_gurem":
            land = rng.randint(10, 50) * 10
        elif work == "petani":
            land = min(30_000, max(600, round(3000 * rng.lognormvariate(0, 0.7), -2)))
        elif work in ("buruh_tani", "tidak_bekerja", "nelayan") or not chance(rng, 0.1):
            land = 0
        else:  # a small dry field (tegal) besides other work
            land = rng.randint(2, 15) * 100
        h["head_land_m2"] = land
        h["has_business"] = any(m["occupation"] in ("pedagang", "wiraswasta") for m in members) \
            or chance(rng, 0.06)
        jobless = h["head_occupation"] == "tidak_bekerja" and head["age"] < 60
        h["lost_livelihood"] = chance(rng, 0.35 if jobless else 0.05 - 0.04 * s)
        if h["lost_livelihood"]:
            h["lost_livelihood_date"] = day_between(rng, dt.date(2024, 1, 1), dt.date(2025, 12, 15))

    # -- the house and daily living ---------------------------------------------------------------

    def housing(self, h, members, s, extreme):
        rng = self.rng
        size = len(members)
        # Floor area grows with the household and with welfare; measured as width x length.
        target = (28 + 9 * size) * (0.75 + 0.75 * s) * rng.lognormvariate(0, 0.28) * \
            (0.8 if extreme else 1)
        width = rng.choice([4, 5, 6, 6, 7, 8, 9, 10])
        length = max(3.0, round(target / width * 2) / 2)
        h["floor_area_m2"] = width * length
        k = 3.0 if extreme else 1.0
        # One quality for the whole house, so that walls, floor and roof go together.
        q = min(1.0, max(0.0, s + rng.gauss(0, 0.15)))
        h["wall_material"] = pick(rng, worse(blend(*WALL, q), {"bambu", "rumbia", "kayu_murah",
                                                               "tembok_tanpa_plester"}, k))
        light = h["wall_material"] in ("bambu", "rumbia", "kayu_murah", "kayu_baik")
        floor = worse(blend(*FLOOR, q), {"tanah", "bambu", "kayu_murah"}, k * (2 if light else 1))
        h["floor_material"] = pick(rng, floor)
        roof = blend(*ROOF, q)
        if light:  # a concrete slab needs brick walls
            roof["beton"] = 0
        h["roof_material"] = pick(rng, roof)
        poor_build = h["wall_material"] in ("bambu", "rumbia", "kayu_murah") or \
            h["roof_material"] == "ijuk_rumbia"
        h["house_damaged"] = chance(rng, (0.22 - 0.2 * s) * (1.8 if poor_build else 1))
        h["floor_damaged"] = h["floor_material"] in ("semen", "keramik") and \
            chance(rng, 0.2 - 0.17 * s)
        h["toilet"] = pick(rng, worse(blend(*TOILET, s), {"bersama", "umum", "tidak_ada"}, k))
        h["toilet_usable"] = h["toilet"] == "sendiri" and chance(rng, 0.92 + 0.07 * s)
        h["lighting"] = pick(rng, blend(*LIGHTING, s))
        h["electricity_va"] = pick(rng, blend(*VA, s)) if h["lighting"] == "pln_meter" else 0
        h["water_source"] = pick(rng, worse(blend(*WATER, s), {
            "sumur_tak_terlindung", "mata_air_tak_terlindung", "sungai", "air_hujan"}, k))
        h["cooking_fuel"] = pick(rng, worse(blend(*FUEL, s), {"kayu_bakar", "arang",
                                                              "minyak_tanah"}, k))
        h["house_ownership"] = pick(rng, {"milik_sendiri": 85 + 5 * s, "bebas_sewa": 10,
                                          "kontrak_sewa": 4 + 6 * (h["kecamatan"] == "Tuban"),
                                          "dinas": 0.2, "lainnya": 1})
        h["land_document"] = pick(rng, blend(*LAND_DOCUMENT, s)) \
            if h["house_ownership"] == "milik_sendiri" else "tidak_ada"

        # The answers behind BPS indicators 8-11 (domain.md §2.2), by welfare (assumed).
        h["meat_per_week"] = pick(rng, worse(blend({0: 25, 1: 40, 2: 20, 3: 10, 4: 5},
                                                   {0: 1, 1: 5, 2: 15, 3: 25, 4: 20, 5: 14, 7: 20},
                                                   s), {0, 1}, k))
        h["new_clothes_per_year"] = pick(rng, worse(blend({0: 20, 1: 45, 2: 25, 3: 10},
                                                          {0: 2, 1: 8, 2: 30, 3: 30, 4: 20, 6: 10},
                                                          s), {0, 1}, k))
        h["meals_per_day"] = pick(rng, worse(blend({1: 1, 2: 24, 3: 75}, {2: 3, 3: 97}, s),
                                             {1, 2}, k))
        h["can_afford_clinic"] = chance(rng, (0.65 + 0.33 * s) * (0.6 if extreme else 1))

    # -- programmes: JKN, PIP marks, what the household receives ----------------------------------

    def programmes(self, h, members, s, desil, targeted):
        rng = self.rng
        head = members[0]
        if head["occupation"] in ("karyawan", "asn_tni_polri"):
            jkn = "pekerja"
        elif desil <= 4:
            jkn = pick(rng, {"pbi_pusat": 70, "pbi_daerah": 12, "mandiri": 4, "pekerja": 2,
                             "none": 12})
        elif desil <= 7:
            jkn = pick(rng, {"pbi_pusat": 30, "pbi_daerah": 20, "mandiri": 18, "pekerja": 14,
                             "none": 18})
        else:
            jkn = pick(rng, {"pbi_pusat": 8, "pbi_daerah": 10, "mandiri": 35, "pekerja": 32,
                             "none": 15})
        # PBI cards deactivated after data clean-ups (domain.md §2.5); self-paid in arrears.
        active = {"pbi_pusat": 0.88, "pbi_daerah": 0.93, "mandiri": 0.65, "pekerja": 0.98,
                  "none": 0.0}
        household_active = chance(rng, active[jkn])
        for m in members:
            m["jkn"] = "none" if m["age"] < 1 and chance(rng, 0.4) else \
                jkn if chance(rng, 0.95) else pick(rng, {"pbi_daerah": 2, "mandiri": 1, "none": 2})
            m["jkn_active"] = m["jkn"] != "none" and (
                household_active if m["jkn"] == jkn else chance(rng, active[m["jkn"]]))
            pupil = m["school_level"] in ("sd", "smp", "sma")
            m["has_kip"] = pupil and chance(rng, 0.5 if desil <= 3 else 0.3 if desil <= 5 else 0.08)
            m["layak_pip"] = pupil and chance(rng, 0.7 if desil <= 4 else
                                              0.3 if desil <= 6 else 0.05)

        component = any(m["age"] <= 6 or m["school_level"] in ("sd", "smp", "sma") or
                        m["age"] >= 60 or m["disability"] == "berat" or m["pregnant"]
                        for m in members)
        asn = any(m["state_employee"] for m in members)
        near = h["in_dtsen"] and desil in (5, 6)  # inclusion errors happen at the margin
        got = []
        if component and not asn and (targeted and chance(rng, 0.55) or near and chance(rng, 0.06)):
            got.append("PKH")
        if targeted and chance(rng, 0.5) or near and chance(rng, 0.06):
            got.append("SEMBAKO")
        if jkn in ("pbi_pusat", "pbi_daerah"):
            got.append("PBI_JK")
        if any(m["has_kip"] for m in members) and chance(rng, 0.8):
            got.append("PIP")
        lone_elder = len(members) == 1 and head["age"] >= 60
        hardship = h["lost_livelihood"] or lone_elder or head["sex"] == "P" or \
            any(m["chronic_illness"] or m["disability"] in ("sedang", "berat") for m in members)
        if targeted and "PKH" not in got and chance(rng, 0.35 if hardship else 0.03):
            got.append("BLT_DD")
        severe = [m for m in members if m["disability"] == "berat"]
        if any(m["nik_jatim"] and 1 <= m["age"] <= 60 for m in severe) and chance(rng, 0.25):
            got.append("ASPD_JATIM")
        if severe and chance(rng, 0.05):
            got.append("ASPDB")
        if targeted and "SEMBAKO" not in got and chance(rng, 0.04):
            got.append("BPNTD")
        if targeted and any(m["age"] >= 70 for m in members) and chance(rng, 0.2):
            got.append("PKH_PLUS")
        h["kube_member"] = (desil <= 5 and chance(rng, 0.025))
        if h["kube_member"] and chance(rng, 0.5):
            got.append("KUBE")
        if targeted and chance(rng, 0.4):
            got.append("BLT_KESRA")

        # One-off help received in the past (RS-Rutilahu 2017-2020, RST later, BSPS, APBD
        # repair, KUBE, PENA), with the date of the last house repair.
        before, repaired = [], None
        spans = {"RS_RUTILAHU": (2017, 2020), "RST": (2021, 2025), "BSPS": (2015, 2025),
                 "RUTILAHU_APBD": (2015, 2025)}
        for scheme, p in (("RS_RUTILAHU", 0.02), ("RST", 0.015), ("BSPS", 0.02),
                          ("RUTILAHU_APBD", 0.02), ("KUBE", 0.02), ("PENA", 0.005),
                          ("PPSE", 0.003)):
            if chance(rng, p * (1.5 - s)):
                before.append(scheme)
                if scheme in spans:
                    first, last = spans[scheme]
                    d = day_between(rng, dt.date(first, 1, 1), dt.date(last, 11, 30))
                    repaired = max(repaired or d, d)
        if targeted and h["house_damaged"] and chance(rng, 0.06):
            got.append("RST")  # being repaired now
            if "RST" not in before:
                before.append("RST")
            repaired = day_between(rng, dt.date(2025, 6, 1), dt.date(2025, 12, 15))
        if h["kube_member"] and "KUBE" not in before:
            before.append("KUBE")
        h["receives"] = got
        h["received_before"] = before
        h["last_house_repair_date"] = repaired

    # -- social situation: PPKS categories and the observations behind them ---------------------
    # Rare events at assumed rates; categories follow domain.md §1.2 (ages, definitions).

    def ppks(self, h, members, s, kec):
        rng = self.rng
        head = members[0]
        poor = s < 0.45
        for m in members:
            age, cats = m["age"], m["ppks"]
            child = age < 18
            if m is head and poor and chance(rng, 0.35 * (1 - s)):
                cats.append("fakir_miskin")
            if m["disability"] != "none" and m["disability"] != "ringan":
                cats.append("anak_disabilitas" if child else "penyandang_disabilitas")
            if age >= 60 and len(members) == 1 and poor and chance(rng, 0.3):
                cats.append("lanjut_usia_terlantar")
                m["neglected"] = True
            if m is head and m["sex"] == "P" and 18 <= age <= 59 and \
                    m["marital_status"] != "kawin" and poor and chance(rng, 0.6):
                cats.append("perempuan_rawan_sosial_ekonomi")
            if child and poor and chance(rng, 0.008):
                cats.append("anak_balita_terlantar" if age < 5 else "anak_terlantar")
                m["neglected"] = True
            if 6 <= age < 18 and poor and chance(rng, 0.002):
                cats.append("anak_jalanan")
                m["street_hours_per_day"] = rng.choice([4, 5, 6, 8])
            if age >= 18 and poor and chance(rng, 0.003):
                cats.append("pemulung")
                m["scavenging"] = True
                m["street_hours_per_day"] = rng.choice([5, 6, 8, 10])
            if age >= 40 and poor and chance(rng, 0.0008):
                cats.append("pengemis")
                m["begging"] = True
            # Violence: women and children (domain.md §3.2: tens of cases a year in Tuban).
            if (child or m["sex"] == "P") and age >= 3 and chance(rng, 0.004):
                m["violence_victim"] = True
                m["violence_type"] = sorted({pick(rng, {"fisik": 35, "psikis": 25, "seksual": 20,
                                                        "penelantaran": 15, "ekonomi": 5})
                                             for _ in range(rng.randint(1, 2))})
                m["incident_date"] = day_between(rng, dt.date(2025, 1, 1), dt.date(2025, 12, 20))
                cats.append("anak_korban_kekerasan" if child else "korban_tindak_kekerasan")
            # Children and the law (UU 11/2012: in conflict from 12 to under 18).
            if 12 <= age < 18 and chance(rng, 0.004):
                m["abh_role"] = pick(rng, {"tersangka": 50, "korban": 35, "saksi": 15})
                m["abh_case_stage"] = pick(rng, {"penyidikan": 25, "diversi": 30, "persidangan": 10,
                                                 "putusan": 10, "pembinaan": 10, "selesai": 15})
                if m["abh_role"] == "tersangka":
                    cats.append("abh")
                    self.letter_seq += 1
                    m["litmas_ref"] = f"LITMAS-{self.letter_seq:04d}/2025"
            # Migrant workers: Tuban sends workers abroad (assumed rates).
            if 20 <= age <= 50 and not m["enrolled"] and chance(rng, 0.04):
                m["migrant_status"] = pick(rng, {"aktif": 40, "purna": 40, "calon": 12,
                                                 "dideportasi": 3, "bermasalah": 5})
                if m["migrant_status"] == "aktif":
                    m["lives_with_family"] = False
                if m["migrant_status"] in ("dideportasi", "bermasalah"):
                    cats.append("pekerja_migran_bermasalah")
                if m["migrant_status"] == "bermasalah" and chance(rng, 0.3):
                    m["trafficking_victim"] = True
                    cats.append("korban_trafficking")
            if age >= 18 and m["sex"] == "L" and chance(rng, 0.004):
                m["prison_release_date"] = day_between(rng, dt.date(2022, 1, 1),
                                                       dt.date(2025, 12, 1))
                cats.append("bekas_warga_binaan_lp")
            if age >= 16 and chance(rng, 0.002):
                m["drug_use"] = True
                cats.append("korban_napza")
            if age >= 15 and chance(rng, 0.0005):
                m["hiv_positive"] = True
                cats.append("odha")
        if kec in FLOODPLAIN and chance(rng, 0.03):
            for m in members:  # the Bengawan Solo flooded their house this season
                m["ppks"].append("korban_bencana_alam")
        if chance(rng, 0.004):
            for m in members:
                m["ppks"].append("keluarga_bermasalah_sosial_psikologis")

    # -- the intake record (domain.md §4.2, §4.4): every household of a caseload has one --------

    def intake(self, h, members, kec, desa):
        rng = self.rng
        head = members[0]
        self.case_seq += 1
        h["intake_date"] = day_between(rng, dt.date(2025, 1, 2), dt.date(2025, 12, 30))
        h["case_id"] = f"SLRT-3523-{h['intake_date']:%y%m}-{self.case_seq:05d}"
        h["intake_channel"] = pick(rng, {"fasilitator": 35, "kunjungan_rumah": 20,
                                         "datang_langsung": 25, "puskesos": 12,
                                         "rujukan_lembaga": 5, "hotline": 3})
        h["officer"] = pick(rng, {f"TKSK Kec. {kec}": 30, f"PSM Desa {desa}": 30,
                                  "Pendamping PKH": 15, f"Operator SIKS-NG {desa}": 15,
                                  "Petugas FO SLRT": 10})
        victim = any(m["violence_victim"] or m["trafficking_victim"] or m["abh_role"] != "none"
                     for m in members)
        no_nik = any(m["nik_status"] != "valid" for m in members)
        pbi_off = any(m["jkn"] in ("pbi_pusat", "pbi_daerah") and not m["jkn_active"]
                      for m in members)
        no_jkn = any(m["jkn"] == "none" for m in members)
        # What was asked, where it goes, and the documents it needs.
        requests = [("minta didaftarkan bansos", "Dinas Sosial P3A PMD Kabupaten Tuban",
                     "usulan_dtsen", 10)]
        if h["in_dtsen"] is not True:
            requests.append(("usul masuk DTSEN", "Dinas Sosial P3A PMD Kabupaten Tuban",
                             "usulan_dtsen", 40))
        if pbi_off:
            requests.append(("KIS PBI tidak aktif", "BPJS Kesehatan Cabang Tuban",
                             "permohonan_layanan", 30))
        if no_jkn:
            requests.append(("belum punya BPJS Kesehatan", "Dinas Sosial P3A PMD Kabupaten Tuban",
                             "permohonan_layanan", 12))
        if no_nik:
            requests.append(("pengurusan KK dan akta", "Dispendukcapil Kabupaten Tuban",
                             "permohonan_layanan", 30))
        if h["house_damaged"] or h["wall_material"] in ("bambu", "kayu_murah"):
            requests.append(("bantuan bedah rumah", "Dinas Sosial P3A PMD Kabupaten Tuban",
                             "permohonan_layanan", 15))
        if any(m["disability"] == "berat" for m in members):
            requests.append(("bantuan disabilitas berat", "Dinas Sosial P3A PMD Kabupaten Tuban",
                             "permohonan_layanan", 40))
        if any(m["school_level"] in ("sd", "smp", "sma") for m in members):
            requests.append(("bantuan biaya sekolah", "Dinas Pendidikan Kabupaten Tuban",
                             "permohonan_layanan", 8))
        if h["lost_livelihood"]:
            requests.append(("kehilangan pekerjaan", f"Pemerintah Desa {desa}",
                             "permohonan_layanan", 25))
        if "PKH" in h["receives"] and chance(rng, 0.3):
            requests.append(("bansos PKH tidak cair", "Dinas Sosial P3A PMD Kabupaten Tuban",
                             "pengaduan", 30))
        if h["in_dtsen"] and h["desil"] and h["desil"] >= 5 and chance(rng, 0.3):
            requests.append(("sanggah desil", "Dinas Sosial P3A PMD Kabupaten Tuban",
                             "sanggahan", 30))
        requests.append(("tanya syarat bansos", None, "informasi", 6))
        if victim:
            requests = [("pendampingan korban", "UPTD PPA Kabupaten Tuban", "pengaduan", 1)]
        text, institution, complaint, _ = rng.choices(requests, weights=[r[3] for r in requests])[0]
        h["service_requested"] = text
        h["complaint_type"] = complaint

        docs = ["ktp", "kk"] if head["has_ktp"] else ["kk"]
        if chance(rng, 0.3):
            docs.append("sktm")
        if "SEMBAKO" in h["receives"] or "PKH" in h["receives"]:
            docs.append("kks")
        if any(m["jkn"] in ("pbi_pusat", "pbi_daerah") for m in members) and chance(rng, 0.6):
            docs.append("kis")
        if any(m["has_kip"] for m in members) and chance(rng, 0.5):
            docs.append("kip")
        if any(m["pregnant"] for m in members) and chance(rng, 0.6):
            docs.append("buku_kia")
        if any(m["age"] < 17 for m in members) and chance(rng, 0.3):
            docs.append("akta")
        if text == "bantuan bedah rumah":
            docs += ["foto_rumah", "spt_pbb", "surat_tanah"]
        h["documents"] = docs
        h["fast_track"] = victim or any(m["pregnant"] or m["age"] >= 60 or
                                        m["disability"] in ("sedang", "berat") for m in members)
        h["risk_level"] = "tinggi" if victim else pick(rng, {"rendah": 75, "sedang": 25})
        h["consent"] = chance(rng, 0.96)
        h["visit_status"] = "sudah_dikunjungi" if h["intake_channel"] in (
            "fasilitator", "kunjungan_rumah") or chance(rng, 0.5) else "menunggu"

        if institution is None:  # a question answered at the desk
            status = pick(rng, {"ditutup": 80, "terdaftar": 20})
        else:
            status = pick(rng, {"terdaftar": 12, "diasesmen": 20, "dirujuk": 22, "diterima": 10,
                                "ditolak": 6, "dilayani": 14, "ditutup": 16})
        if h["intake_date"] > dt.date(2025, 12, 1) and status != "ditutup":
            status = pick(rng, {"terdaftar": 60, "diasesmen": 40})  # too recent to have moved
        h["case_status"] = status
        if institution and status not in ("terdaftar", "diasesmen"):
            h["referral_institution"] = institution
            self.letter_seq += 1
            h["referral_letter_no"] = f"400.9/{self.letter_seq:04d}/414.012/2025"
        if status in ("terdaftar", "diasesmen", "dirujuk", "diterima"):
            h["follow_up_due"] = h["intake_date"] + dt.timedelta(days=rng.choice([3, 7, 14, 30]))
        if status in ("ditolak", "dilayani", "ditutup"):
            h["case_outcome"] = {
                "ditolak": rng.choice(["tidak memenuhi syarat", "desil di atas 4",
                                       "kuota habis, masuk daftar tunggu"]),
                "dilayani": rng.choice(["layanan diberikan", "sudah diusulkan lewat SIKS-NG",
                                        "surat rekomendasi terbit"]),
                "ditutup": rng.choice(["informasi diberikan", "layanan diberikan",
                                       "diusulkan lewat Musdes"])}[status]
        if status == "ditutup":
            h["termination_reason"] = pick(rng, {"layanan selesai": 80, "pindah domisili": 6,
                                                 "meninggal dunia": 4, "tidak dapat dihubungi": 6,
                                                 "mengundurkan diri": 4})

    # -- BPS 14 indicators as recorded (domain.md §2.2) -------------------------------------------

    def bps_flags(self, h, members):
        """Each flag as the detailed fields say (as definitions.yaml's ind_* compute them), but
        about 2% disagree: a registry checklist older than the intake answers."""
        head = members[0]
        truth = {
            "bps_lantai_sempit": h["floor_area_m2"] / len(members) < 8,
            "bps_lantai_tanah": h["floor_material"] in ("tanah", "bambu", "kayu_murah"),
            "bps_dinding_buruk": h["wall_material"] in ("bambu", "rumbia", "kayu_murah",
                                                        "tembok_tanpa_plester"),
            "bps_tanpa_jamban": h["toilet"] in ("bersama", "umum", "tidak_ada"),
            "bps_tanpa_listrik": h["lighting"] == "bukan_listrik",
            "bps_air_tak_layak": h["water_source"] in ("sumur_tak_terlindung",
                                                       "mata_air_tak_terlindung", "sungai",
                                                       "air_hujan"),
            "bps_bahan_bakar_kayu": h["cooking_fuel"] in ("kayu_bakar", "arang", "minyak_tanah"),
            "bps_jarang_daging": h["meat_per_week"] <= 1,
            "bps_satu_stel_pakaian": h["new_clothes_per_year"] <= 1,
            "bps_makan_1_2_kali": h["meals_per_day"] <= 2,
            "bps_tak_mampu_berobat": not h["can_afford_clinic"],
            "bps_pekerjaan_rendah": h["head_occupation"] in LOW_WORK or
                                    h["head_income_month"] < 600_000,
            "bps_pendidikan_rendah": head["education"] in ("tidak_sekolah", "tidak_tamat_sd", "sd"),
            "bps_tanpa_aset": h["assets_value"] < 500_000,
        }
        for name, value in truth.items():
            h[name] = (not value) if chance(self.rng, 0.02) else value


# ----- the schema, read at run time ------------------------------------------------------------

def load_schema():
    """The household and member fields of all layers, in layer order, then path order."""
    fields = {"household": {}, "member": {}}
    files = []
    for layer in LAYERS:
        root = RULES / layer
        if not root.is_dir():
            continue
        paths = [p for p in root.rglob("*.yaml") if "sample" not in p.relative_to(root).parts]
        for path in sorted(paths, key=lambda p: p.relative_to(root).as_posix().encode()):
            with open(path, encoding="utf-8") as f:
                # BaseLoader keeps every scalar as written ('none', 'no', '10' stay text), as
                # the engine's YAML 1.2 reader sees them.
                doc = yaml.load(f, Loader=yaml.BaseLoader)
            if not isinstance(doc, dict) or not isinstance(doc.get("schema"), dict):
                continue
            files.append(path.relative_to(RULES.parent).as_posix())
            for level, table in fields.items():
                for name, spec in (doc["schema"].get(level) or {}).items():
                    spec = spec if isinstance(spec, dict) else {"type": spec}
                    if name in table:
                        if table[name] != spec:
                            note(f"{path}: {level} field '{name}' is declared again, differently;"
                                 " the first declaration is used")
                        continue
                    table[name] = spec
    if not fields["household"] or not fields["member"]:
        sys.exit(f"generate.py: no schema found under {RULES} ({', '.join(LAYERS)})")
    return fields, files


def note(text):
    print(f"generate.py: note: {text}", file=sys.stderr)


def bound(spec, key):
    text = spec.get(key)
    if text is None:
        return None
    text = str(text).replace("_", "")
    return float(text) if any(c in text for c in ".eE") else int(text)


def is_valid(spec, value):
    """Would the engine read this value for this field without rejecting the row?"""
    kind = spec.get("type")
    if value is None:
        return True
    if kind == "bool":
        return isinstance(value, bool)
    if kind in ("int", "number"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        if kind == "int" and not isinstance(value, int):
            return False
        if isinstance(value, float) and not math.isfinite(value):
            return False
        lo, hi = bound(spec, "min"), bound(spec, "max")
        return (lo is None or value >= lo) and (hi is None or value <= hi)
    if kind == "string":
        return isinstance(value, str) and value != "" and value.strip() == value and \
            "\n" not in value
    if kind == "enum":
        return isinstance(value, str) and value in (spec.get("values") or [])
    if kind == "set":
        allowed = spec.get("values") or []
        return isinstance(value, list) and len(set(value)) == len(value) and \
            all(v in allowed for v in value)
    if kind == "date":
        return isinstance(value, dt.date)
    return False


# ----- generic values, for fields the model does not know ----------------------------------------

MONEY_WORDS = ("income", "rp", "value", "cost", "price", "amount", "spend", "saving", "wage",
               "salary", "pengeluaran", "biaya", "harga", "nilai", "aset", "asset", "debt")
FUTURE_WORDS = ("due", "until", "end", "expire", "next", "to_date", "valid_to")


def generic(spec, name, rng, row):
    """A valid, plausible value from the declared type alone."""
    kind = spec.get("type")
    lo, hi = bound(spec, "min"), bound(spec, "max")
    words = name.lower()
    if kind == "bool":
        return chance(rng, 0.25)
    if kind == "int":
        if lo is not None and hi is not None:
            return rng.randint(math.ceil(lo), math.floor(hi))
        if any(w in words for w in MONEY_WORDS):
            value = money(1_000_000 * rng.lognormvariate(0, 0.8))
        elif "year" in words or "tahun" in words:
            value = rng.randint(1990, 2025)
        else:
            value = rng.randint(0, 5)
        value = max(value, math.ceil(lo)) if lo is not None else value
        return min(value, math.floor(hi)) if hi is not None else value
    if kind == "number":
        if lo is not None and hi is not None:
            return round(rng.uniform(lo, hi), 1)
        if "m2" in words or "area" in words or "luas" in words:
            value = round(50 * rng.lognormvariate(0, 0.5), 1)
        else:
            value = round(rng.uniform(0, 100), 1)
        value = max(value, lo) if lo is not None else value
        return min(value, hi) if hi is not None else value
    if kind == "string":
        return f"{name.upper().replace('_', '-')}-{row + 1:05d}"
    if kind == "enum":
        values = spec.get("values") or []
        return rng.choices(values, weights=[1 / (i + 1) for i in range(len(values))])[0] \
            if values else None
    if kind == "set":
        values = spec.get("values") or []
        if not values or chance(rng, 0.55):
            return []
        return sorted(set(rng.choices(values, k=rng.randint(1, 2))), key=values.index)
    if kind == "date":
        if "birth" in words or "lahir" in words:
            return day_between(rng, dt.date(1950, 1, 1), dt.date(2020, 12, 31))
        if any(w in words for w in FUTURE_WORDS):
            return day_between(rng, AS_OF, dt.date(2026, 12, 31))
        return day_between(rng, dt.date(2021, 1, 1), AS_OF - dt.timedelta(days=1))
    return None


# ----- which recorded values intake loses ------------------------------------------------------
# Base share of cells left empty per field: low for what is on the KK or the registry printout,
# high for what must be measured, asked tactfully or looked up (assumed). Each household's
# record is also good (x0.6, 60%), ordinary (x1, 30%) or sparse (x2.5, 10%), and its members
# share that. Keys are never empty. A field no one listed here loses 8% (the model's) or 10%
# (generic ones).

MISSING = {
    "household": {
        "kecamatan": 0, "desa": 0.01, "region_code": 0.01, "kk_number": 0.02, "dtsen_id": 0.03,
        "rt": 0.04, "rw": 0.04, "address": 0.05, "domicile_differs": 0.1, "phone": 0.05,
        "in_dtsen": 0, "desil": 0.02, "desil_date": 0.05, "receives": 0.07,
        "received_before": 0.12, "last_house_repair_date": 0.2,
        "floor_area_m2": 0.12, "floor_material": 0.04, "wall_material": 0.04,
        "roof_material": 0.04, "house_damaged": 0.08, "floor_damaged": 0.12, "toilet": 0.03,
        "toilet_usable": 0.1, "lighting": 0.02, "electricity_va": 0.15, "water_source": 0.03,
        "cooking_fuel": 0.03, "house_ownership": 0.05, "land_document": 0.15,
        "income_month": 0.08, "head_income_month": 0.12, "head_occupation": 0.03,
        "assets_value": 0.15, "lost_livelihood": 0.08, "lost_livelihood_date": 0.2,
        "expenditure_month": 0.15, "head_land_m2": 0.15, "has_business": 0.1,
        "kube_member": 0.1, "meat_per_week": 0.1, "new_clothes_per_year": 0.1,
        "meals_per_day": 0.08, "can_afford_clinic": 0.1,
        "case_id": 0, "intake_date": 0.01, "intake_channel": 0.03, "officer": 0.05,
        "complaint_type": 0.04, "service_requested": 0.1, "documents": 0.1, "fast_track": 0.05,
        "risk_level": 0.15, "consent": 0.05, "visit_status": 0.05, "case_status": 0.02,
        "referral_institution": 0.05, "referral_letter_no": 0.15, "follow_up_due": 0.1,
        "case_outcome": 0.1, "termination_reason": 0.1,
        **{f: 0.1 for f in ("bps_lantai_sempit", "bps_lantai_tanah", "bps_dinding_buruk",
                            "bps_tanpa_jamban", "bps_tanpa_listrik", "bps_air_tak_layak",
                            "bps_bahan_bakar_kayu", "bps_jarang_daging", "bps_satu_stel_pakaian",
                            "bps_makan_1_2_kali", "bps_tak_mampu_berobat", "bps_pekerjaan_rendah",
                            "bps_pendidikan_rendah", "bps_tanpa_aset")},
    },
    "member": {
        "nik_status": 0.02, "nik_jatim": 0.03, "name": 0.002, "birth_place": 0.05,
        "birth_date": 0.01, "sex": 0.003, "relation": 0.005, "marital_status": 0.03,
        "has_ktp": 0.05, "has_akta": 0.1, "has_kia": 0.12, "pregnant": 0.05,
        "delivery_date": 0.15, "disability": 0.03, "disability_type": 0.05,
        "disability_rehabilitable": 0.25, "needs_daily_help": 0.06, "chronic_illness": 0.07,
        "stunting": 0.2, "wasting": 0.2, "hiv_positive": 0, "jkn": 0.04, "jkn_active": 0.08,
        "education": 0.04, "enrolled": 0.02, "school_level": 0.03, "school_grade": 0.06,
        "attendance_pct": 0.25, "completed_12_years": 0.06, "layak_pip": 0.1, "has_kip": 0.08,
        "employed": 0.05, "state_employee": 0.2, "occupation": 0.05,
        "personal_income_month": 0.15, "lives_with_family": 0.04, "main_breadwinner": 0.08,
        "ppks": 0.05, "neglected": 0.08, "street_hours_per_day": 0.12, "homeless": 0.06,
        "begging": 0.08, "scavenging": 0.08, "sex_work": 0.15, "drug_use": 0.15,
        "prison_release_date": 0.1, "migrant_status": 0.08, "violence_victim": 0.08,
        "violence_type": 0.08, "trafficking_victim": 0.1, "incident_date": 0.1,
        "abh_role": 0.05, "abh_case_stage": 0.05, "litmas_ref": 0.1, "religion": 0.02,
        "suku": 0.35,
    },
}
MODEL_DEFAULT_MISSING, GENERIC_MISSING = 0.08, 0.10
RECORD_QUALITY = {0.6: 60, 1.0: 30, 2.5: 10}

# The fields the model above fills (None where a value does not apply). Any other schema field
# is generic.
KNOWN = {
    "household": set(MISSING["household"]) | {"id"},
    "member": set(MISSING["member"]) | {"nik"},
}


# ----- cells, CSV and JSON Lines ------------------------------------------------------------------

def columns(spec):
    """The key first, then the other readable fields in schema order (derived ones skipped)."""
    keys = [n for n, f in spec.items() if str(f.get("key", "")).lower() == "true"]
    if len(keys) != 1:
        sys.exit(f"generate.py: expected one key field, found {keys or 'none'}")
    return keys[0], keys + [n for n, f in spec.items() if n != keys[0] and "derive" not in f]


def fill(level, name, spec, records, key, stats):
    """One column: the model's (or a generic) value per record, then intake's losses."""
    known = name in KNOWN[level]
    gen_rng = random.Random(f"{SEED}/generic/{level}/{name}")
    values = [rec.get(name) if known else generic(spec, name, gen_rng, i)
              for i, (rec, _) in enumerate(records)]
    bad = sum(1 for v in values if not is_valid(spec, v))
    if bad:
        note(f"{level} field '{name}': {bad} value(s) of the model do not fit its declaration "
             f"(type {spec.get('type')}); they are written as unknown")
        values = [v if is_valid(spec, v) else None for v in values]
    if not known:
        stats["generic"].append(f"{level}.{name}")
    rate = 0 if name == key else MISSING[level].get(
        name, MODEL_DEFAULT_MISSING if known else GENERIC_MISSING)
    mask_rng = random.Random(f"{SEED}/missing/{level}/{name}")
    out = []
    for v, (_, quality) in zip(values, records):
        lost = mask_rng.random() < min(0.9, rate * quality)  # one draw per row, always
        if name != key:
            stats[level]["cells"] += 1
            if v is None:
                stats[level]["not_applicable"] += 1
            elif lost:
                stats[level]["lost"] += 1
        out.append(None if lost else v)
    return out


def text(spec, value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        order = spec.get("values") or []
        return "|".join(sorted(value, key=order.index)) if value else "{}"
    return str(value)


def json_value(spec, value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        order = spec.get("values") or []
        return sorted(value, key=order.index)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def write_csv(path, header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--households", type=int, default=DEFAULT_HOUSEHOLDS,
                        help=f"number of households (default {DEFAULT_HOUSEHOLDS})")
    parser.add_argument("--out", type=pathlib.Path, default=HERE,
                        help="output folder (default: this script's folder)")
    args = parser.parse_args(argv)
    if args.households < 1:
        parser.error("--households must be at least 1")

    fields, files = load_schema()
    h_spec, m_spec = fields["household"], fields["member"]
    h_key, h_cols = columns(h_spec)
    m_key, m_cols = columns(m_spec)

    model = Model(SEED)
    quality_rng = random.Random(f"{SEED}/quality")
    households, people = [], []
    for _ in range(args.households):
        h, members = model.household()
        quality = pick(quality_rng, RECORD_QUALITY)
        households.append((h, quality))
        people += [(m, quality) for m in members]
        for m in members:
            m["household"] = h["id"]

    stats = {"household": {"cells": 0, "not_applicable": 0, "lost": 0},
             "member": {"cells": 0, "not_applicable": 0, "lost": 0}, "generic": []}
    h_cells = {c: fill("household", c, h_spec[c], households, h_key, stats) for c in h_cols}
    m_cells = {c: fill("member", c, m_spec[c], people, m_key, stats) for c in m_cols}
    household_ids = [m["household"] for m, _ in people]

    args.out.mkdir(parents=True, exist_ok=True)
    write_csv(args.out / "households.csv", h_cols,
              ([text(h_spec[c], h_cells[c][i]) for c in h_cols] for i in range(len(households))))
    write_csv(args.out / "members.csv", ["household_id"] + m_cols,
              ([household_ids[j]] + [text(m_spec[c], m_cells[c][j]) for c in m_cols]
               for j in range(len(people))))
    # Gzipped (layak reads .gz directly); mtime 0 keeps the bytes identical across runs.
    with gzip.GzipFile(args.out / "caseload.jsonl.gz", "wb", compresslevel=9, mtime=0) as raw, \
            io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as f:
        j = 0
        for i, (h, _) in enumerate(households):
            line = {c: json_value(h_spec[c], h_cells[c][i]) for c in h_cols
                    if h_cells[c][i] is not None}
            line["members"] = []
            while j < len(people) and household_ids[j] == h["id"]:
                line["members"].append({c: json_value(m_spec[c], m_cells[c][j]) for c in m_cols
                                        if m_cells[c][j] is not None})
                j += 1
            f.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")

    print(f"schema from {', '.join(files)}")
    print(f"{len(households)} households ({len(h_cols)} columns), {len(people)} members "
          f"({len(m_cols) + 1} columns) written to {args.out}")
    total = {k: stats["household"][k] + stats["member"][k]
             for k in ("cells", "not_applicable", "lost")}
    for label, s in (("households", stats["household"]), ("members", stats["member"]),
                     ("all", total)):
        empty = s["not_applicable"] + s["lost"]
        print(f"  {label}: {100 * empty / s['cells']:.1f}% of non-key cells empty "
              f"({100 * s['lost'] / s['cells']:.1f}% lost at intake, "
              f"{100 * s['not_applicable'] / s['cells']:.1f}% with no value to record)")
    if stats["generic"]:
        print(f"  generic values for: {', '.join(stats['generic'])}")


if __name__ == "__main__":
    main()
