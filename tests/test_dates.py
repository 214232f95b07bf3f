"""Look-alikes of dates and clock times that must give no date or time fact.

The per-kind corpora (tests/corpus/date.toml, time.toml) hold each sentence's
complete facts. These sentences are held only to what they must NOT yield: what
their numbers are instead (a fraction, a distance, a duration) is another rule's
business, and may change without the calendar rules being wrong.
"""

from __future__ import annotations

import pytest

import factx

NOT_DATES = [
    "أضف 3/4 كوب من السكر",              # a digit fraction before a unit
    "يعمل المركز 24/7 طوال السنة",        # N/M without a date cue
    "أكثر من 3/4 السكان",                 # after a weak cue, a noun follows
    "منذ 3/4 ساعة",                       # after a date cue, a unit follows
    "ركض العداء 1500 م في السباق",        # م is the metre without a year's context
    "سباق 1500م للرجال",
    "على ارتفاع 2000 م",
    "ارتفع عدد القتلى من 1500 إلى 1850",  # the levels a verb of change reaches
    "يزورنا خلال شهر 3 مرات",             # شهر N with a counted noun after N
    "لمدة شهر واحد",                      # one month is a duration
    "مارس الضغط على الحكومة",             # مارس "practised", with no month cue
    "جاء الخامس من المتسابقين",           # an ordinal before من and no month
    "عاد في 505 سيارات",                  # three digits and no era marker
]

NOT_TIMES = [
    "لمدة ساعة واحدة",                    # a duration: ساعة is no definite hour cue
    "قتل الثلاثة صباحا",                  # only الواحدة names an hour without الساعة
    "اجتمعوا يوم الأحد بعد الظهر",        # الأحد is a weekday, not one o'clock
    "في الساعة الأخيرة من المفاوضات",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_no_date(text):
    kinds = [(r["kind"], r["text"]) for r in factx.extract_records(text)]
    assert not [k for k in kinds if k[0] == "date"], kinds


@pytest.mark.parametrize("text", NOT_TIMES)
def test_no_time(text):
    kinds = [(r["kind"], r["text"]) for r in factx.extract_records(text)]
    assert not [k for k in kinds if k[0] == "time"], kinds
