"""The failures of the peer suites, grouped by the Arabic phenomenon factx misreads.

Each `Category` names a phenomenon, says what factx outputs instead, and
matches failing outcomes by group and text; the first category that matches
an outcome takes it. `categorise` groups failures, largest group first, so
that the engine work can start where most examples fail. A failure no
category matches lands in "other": a new kind of failure, to be looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .runner import Outcome


@dataclass(frozen=True)
class Category:
    name: str
    phenomenon: str     # what the text does (with the SPEC section that asks for it)
    instead: str        # what factx gives today
    groups: tuple[str, ...]   # group id prefixes it applies to ("" = all)
    text: str           # regular expression searched in the example's text

    def matches(self, o: Outcome) -> bool:
        gid = o.example.group_id
        return any(gid.startswith(g) for g in self.groups) and re.search(self.text, o.example.text) is not None


_D, _R, _N = "duckling/", "recognizers/", "nemo/"
_UNIT_DIGITS = "ثلاث|أربع|اربع|خمس|ست|سبع|ثمان|تسع"

CATEGORIES: tuple[Category, ...] = (
    Category("percent signs inside URLs",
             "URL escapes (%28, %20) are not percentages",
             "percent facts for each escape (and identifiers for 20and, 3E01 …)",
             ("",), r"https?://"),
    Category("spoken decimal: N و M من عشرة/مئة/ألف",
             "SPEC §5.1 spoken decimals: اثنان وثمانية من عشرة = 2.8, ستة وثمانية وثمانون من مئة = 6.88, "
             "also before في المائة (a percent of 6.88)",
             "three numbers (whole part, numerator, denominator); before في المائة the denominator "
             "becomes the percent (percent 100)",
             (_N + "decimal", _N + "measure"), r"من (عشرة|مئة|ألف|عشرة آلاف)\b"),
    Category("hundreds as two words after a thousands group",
             "SPEC §5.1: خمسة آلاف وسبع مئة; here تسعة آلاف وثمان مئة وسبعة وثلاثون = 9837",
             "the unit word is joined to the thousands and مئة starts a new number: 9008 + 137",
             (_N,), r"(آلاف|اَلاف|ألف)\s+و(" + _UNIT_DIGITS + r")\s+مئة"),
    Category("Egyptian colloquial hundreds (متين، تلتمية، خمسمية، سبعمية)",
             "SPEC §5.1 colloquial tables: متين = 200, -مية = hundreds, also inside compositions "
             "(متين واحد وعشرين = 221, خمسمية خمسة و عشرين = 525)",
             "nothing, or only the tens/units after the hundreds word (متين وعشرة → 10)",
             (_D + "Numeral/AR_EG",), r"مية|متين"),
    Category("Egyptian colloquial teens (حداشر، إتناشر، -تاشر)",
             "SPEC §5.1: حداشر 11, إتناشر 12, اربعتاشر 14, ستاشر 16, سبعتاشر 17, تمنتاشر 18",
             "nothing",
             (_D + "Numeral/AR_EG",), r"اشر$"),
    Category("Egyptian ت for ث, اتنين",
             "SPEC §5.1: تلاتة 3, تلاتين 30, اتنين 2 (تلاتة و تلاتين = 33, اتنين مليون = 2000000)",
             "nothing, or the scale word alone (مليون → 1000000)",
             (_D + "Numeral/AR_EG",), r"تلات|اتنين"),
    Category("spoken decimal with فاصلة",
             "SPEC §5.1: ثلاثة فاصلة خمسة = 3.5; here واحد فاصلة واحد, 1 فاصلة 1 = 1.1",
             "two numbers, one each side of فاصلة",
             ("",), r"فاصلة"),
    Category("cents joined to the amount",
             "SPEC §5.3: 20 دولار و43 سنت is one money mention, 20.43 USD (also 20$ و 43c, سبعة دولار وخمسون سنت)",
             "money for the dollars and a separate count (or identifier 43c) for the cents",
             ("",), r"(دولار|\$).*(سنت|سينت|[0-9]c\b)"),
    Category("cents alone",
             "SPEC §5.3: a cent is 0.01 of the main unit: 10 سنتات, تسعة وتسعون سنت, 10 c, 10¢ = 0.10, 0.99 USD",
             "count N",
             ("",), r"سنت|سينت|¢|[0-9] ?c\b"),
    Category("digit fraction N/M before a unit or noun",
             "SPEC §5.1: 3/4 كوب = 0.75 cup, 2/1000 كغ = 0.002 kg, أكثر من 1/2 من الناس = more than 50 %",
             "two numbers, the unit (or qualifier) on one of them",
             ("",), r"[0-9٠-٩]/[0-9٠-٩]"),
    Category("leading-dot decimal (.77, ٫٧٧)",
             "SPEC §5.1: .25, ٫٢٥ are decimals: .77 = 0.77, .75 كوب = 0.75 cup",
             "77 (the dot is dropped)",
             ("",), r"(^|\s)[.٫][0-9٠-٩]"),
    Category("0.ddd read as thousands",
             "0.002 كيلوغرام is 0.002 kg: a dot after a lone 0 is a decimal point, not a thousands dot",
             "measure 2 kg (SPEC §4.1's 25.000 rule applied to 0.002)",
             ("",), r"(^|\s)0\.[0-9]{3}\b"),
    Category("phone numbers: country code (+cc), parentheses, dotted groups",
             "SPEC §5.4: phone numbers in any grouping are identifiers: +١ ٢٠٢.٥٥٥.٠١٢١, (+١)٦٥٠٧٠١٨٨٨٧, "
             "+٣٣ ١ ٤٦٦٤٧٩٩٨, (+٥٥) ١٩٩٩٢٨٤٢٦٠٦",
             "counts for each group (the +cc read as a count 1, 33, 55; ٢٠٢.٥٥٥ as a decimal)",
             (_D + "PhoneNumber",), r"\+"),
    Category("phone numbers with an extension (ext, x, فرعي)",
             "٦٥٠٧٠١٨٨٨٧ ext ٨٩٧: one phone number with its extension, an identifier",
             "count 6507018887 and count 897",
             (_D + "PhoneNumber",), r"ext|x|فرعي"),
    Category("phone numbers without a country code",
             "SPEC §5.4: ٦٥٠٧٠١٨٨٨٧, ٦٥٠ ٧٠١ ٨٨٨٧, ٦٥٠-٧٠١-٨٨٨٧, ٤.٨.٦.٦.٨.٢.٧ are phone numbers: identifiers",
             "a 10-digit count; with spaces three counts; with hyphens a count range 650–701 and a count",
             (_D + "PhoneNumber",), r""),
    Category("temperature scales (سلزيوس، فهرنهايت)",
             "°C/°F temperatures: 37° سلزيوس, 37 درجة سلزيوس, سبعون فهرنهايت, تسعة فهرنهايت (degC, degF)",
             "count (سلزيوس and فهرنهايت are not in the unit table; factx has degC for درجة مئوية only)",
             ("",), r"سلزيوس|فهرنهايت"),
    Category("negative temperatures (-2°, - 2 درجة, تحت الصفر)",
             "SPEC §5.1 signs: -2° is -2; درجتين تحت الصفر and 2 تحت الصفر are -2 degrees",
             "count 2 (the sign dropped), or count 0 for صفر",
             (_D + "Temperature",), r"^-|تحت الصفر"),
    Category("bare degrees (45°, 45 درجة)",
             "a temperature with no scale: measure in degrees (degC by default in Arabic press)",
             "count 45",
             (_D + "Temperature",), r"°|درج"),
    Category("dual of a unit noun (لتران، لترين، أونصتان)",
             "SPEC §5.1: a dual carries the number two: لتران = 2 l, اونصتين = 2 oz",
             "nothing",
             ("",), r"^(لتر|أونصت|اونصت)(ان|ين)$"),
    Category("fraction after a singular unit noun (لتر ونصف، لتر وربع)",
             "SPEC §4.2 ونصف after a unit (ساعة ونصف): لتر ونصف = 1.5 l, لتر وربع = 1.25 l, also colloquial نص",
             "nothing (only time nouns take the fraction today)",
             ("",), r"لتر\s*و\s*(نصف|نص|ربع)"),
    Category("colloquial نص (half) before a unit",
             "نص لتر = 0.5 l, as نصف لتر (SPEC §5.1 colloquial tables)",
             "nothing",
             ("",), r"(^|\s)نص\s"),
    Category("volume units missing from the unit table (مل، ملي لتر، غالون، جالون، هكتوليتر)",
             "measures in ml, gal, hl: 250 مل, 250مل, 250 ميليلتر, 3 جالونات, 3 هكتو ليتر",
             "count",
             ("",), r"مل\b|ملي|ميلي|غالون|جالون|هكتو"),
    Category("mass and kitchen units missing from the unit table (ملغ، غم، جم، أونصة، كوب)",
             "SPEC §5.3: ملغ/ملج (mg), غم/جم (g), اونصة/اونصات (oz), كوب/اكواب (cup)",
             "count",
             ("",), r"ملغ|ملج|\bغم\b|\bجم\b|[اأ]ونص|كوب|[اأ]كواب"),
    Category("currency words missing from the unit table (أورو، شيقل، شيكل، شواقل)",
             "SPEC §5.3: أورو/اورو is EUR, شيكل/شيقل/شواقل ILS (also تحت as less_than: تحت سبعة اورو)",
             "count",
             ("",), r"[اأ]ورو|شيقل|شيكل|شواقل"),
    Category("Latin ISO code after the number (42 KWD)",
             "SPEC §5.3: Latin ISO codes before or after the number: 42 KWD, 42 EGP, 42 QAR",
             "count",
             (_D + "AmountOfMoney",), r"\b[A-Z]{3}\b"),
    Category("currency abbreviation ج.م",
             "SPEC §5.3: ج.م is EGP (42 ج.م, 42 ج.م.)",
             "count",
             ("",), r"ج\.م"),
    Category("amount ranges: من X لـY, X$-Y$",
             "SPEC §5.2: من 10 لـ 20 and 10$-20$ are ranges, the unit on either end applying to both",
             "two mentions (count 10 and money 20; money 10 approximately and money 20)",
             (_D + "AmountOfMoney",), r""),
    Category("fraction plurals and duals (أخماس، أثمان، أعشار، ثلثين)",
             "SPEC §5.1: خمسة أثمان = 62.5 %, ثلثين = 2/3; after a whole number with و a mixed number "
             "(خمسة و ثلثين = 5 2/3, ثلاثون و تسعة أعشار = 30.9)",
             "the whole number or the numerator alone (count 5), the dual not read, or two numerals (30; 0.9)",
             ("",), r"أخماس|أثمان|أعشار|أسداس|ثلثين|ثلثان"),
    Category("spoken minus (سالب، ناقص)",
             "SPEC §5.1: سالب خمسة, ناقص ثلاثة carry a negative value: سالب خمسة بالمئة = -5 %",
             "the positive number (percent 5, count 1)",
             ("",), r"سالب|ناقص"),
    Category("fraction or ratio with على / من (N على M, واحد من N, 2 من 5)",
             "SPEC §5.1 ratios: 3 من 10 = 30 %, واحد من كل أربعة = 25 %; NeMo's mixed numbers "
             "ستة عشر و سبعة عشر على ثلاثة = 16 17/3",
             "two or three separate counts",
             ("",), r"(واحد|[0-9]+|عشر|ثلاثة)\s+(من|على)\s+\S"),
    Category("two bounds make one range (أكبر من 100 وأصغر من 300)",
             "SPEC §5.2: أكبر من 100 وأصغر من 300 is a range 100–300; also أعلى من او يساوي مائة، "
             "او أخفض او يساوي ثلاث مائة and فوق الربع وتحت النصف (25–50 %)",
             "two counts without qualifiers, or nothing for fraction words",
             ("",), r"(أكبر|أعلى|فوق).*(أصغر|أخفض|تحت)"),
    Category("comparison phrases of SPEC §5.2 (أكبر من، أقل من أو يساوي، أو أقل)",
             "SPEC §5.2: أكبر من = more_than, أقل من أو يساوي = at_most, أكثر من أو يساوي = at_least; "
             "after the number: 500 أو أقل = at_most",
             "count without qualifier (or approximately from حوالي)",
             ("",), r"أكبر من|أو يساوي|أو أقل|أو أكثر"),
    Category("digit minus in comparisons (<-30, <= -30)",
             "a negative bound after a comparison sign; SPEC §3 forbids a negative count, so no kind "
             "takes a bare negative number yet (open question for the SPEC)",
             "count 30, no qualifier",
             ("",), r"<\s*=?\s*-"),
    Category("comparison symbols (>=, < =, x>10)",
             "SPEC §5.2: >, <, ≥, >=, ≤, <= as qualifiers, also spaced (< =) or after a variable (x>10)",
             "count without qualifier",
             ("",), r"[<>]"),
    Category("range with ~ (20 ~ 100)",
             "a range written with a tilde, like X - Y (SPEC §4.4)",
             "two counts (the first approximately from حوالي)",
             ("",), r"~"),
    Category("percent word before the number (بالمائة 10)",
             "the percent word written before the number: بالمائة 10 = 10 %",
             "count",
             ("",), r"^بالمائة"),
    Category("decimal comma after Arabic-comma thousands (12،220,13)",
             "SPEC §4.1: ، before three digits groups thousands, , before other digits is the decimal "
             "point, bidi marks (U+202A) ignored: 12،220,13 = 12220.13",
             "two counts (12220 and 13)",
             ("",), r"[0-9]،[0-9]{3}\W*,"),
    Category("ordinal compound with a spaced و (الخامس و العشرون)",
             "SPEC §1 ordinals: الخامس و العشرون = 25th, as الخامس والعشرين already is",
             "ordinal 5 and count 20",
             (_D + "Ordinal",), r""),
    Category("definite tens or scale word after a singular noun is an ordinal (الكتاب الثلاثون)",
             "an ordinal adjective: الكتاب الثلاثون = 30th book, البيت العشرون, الكتاب التريليون",
             "count",
             (_R + "OrdinalModel",), r"(الكتاب|البيت) ال"),
    Category("number word inside a relative position (الواحد قبل الاخير، الثانية الى الاخير)",
             "second to last, the one before the last: a relative position, no number (SPEC §1)",
             "count 1, ordinal 2",
             (_R + "OrdinalModel",), r"الاخير|الأخير"),
    Category("number word used as a pronoun (أي واحد تفضل)",
             "SPEC §4.5: أحد (one of) is not a number; أي واحد = which one",
             "count 1",
             ("",), r"أي واحد"),
    Category("street number (شارع ٢٩)",
             "SPEC §5.4: streets are identifiers (شارع الـ 60)",
             "count",
             ("",), r"شارع"),
    Category("day and month with the article (٤من المايو)",
             "SPEC §5.4: a day and a month name, here with the article and glued من, is a date",
             "count 4",
             ("",), r"المايو"),
    Category("الرقم يساوي N",
             "SPEC §5.2 يساوي = exact: الرقم يساوي 20 is the number 20",
             "identifier 20 (الرقم read as an identifier cue)",
             ("",), r"الرقم يساوي"),
)

OTHER = Category("other", "not yet categorised", "", ("",), r"")


def category(o: Outcome) -> Category:
    return next((c for c in CATEGORIES if c.matches(o)), OTHER)


def categorise(failures: Iterable[Outcome]) -> list[tuple[Category, list[Outcome]]]:
    """Failures grouped by category, largest first (ties in the table's order)."""
    groups: dict[str, list[Outcome]] = {}
    order = {c.name: k for k, c in enumerate(CATEGORIES + (OTHER,))}
    by_name = {c.name: c for c in CATEGORIES + (OTHER,)}
    for o in failures:
        groups.setdefault(category(o).name, []).append(o)
    return [(by_name[n], groups[n]) for n in sorted(groups, key=lambda n: (-len(groups[n]), order[n]))]
