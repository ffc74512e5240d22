import pytest

from newsie.values import find_values, parse_number

NUMBERS = [
    ("26万", 260_000), ("1.5亿", 150_000_000), ("三百", 300), ("二十六万", 260_000),
    ("两千五百", 2500), ("一亿二千万", 120_000_000), ("4,500", 4500), ("１２３", 123),
    ("3千", 3000), ("十", 10), ("十五", 15), ("零", 0), ("abc", None), ("", None),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_parse_number(text, value):
    assert parse_number(text) == value


VALUES = [
    ("捐赠300万港元善款", "300万港元", "MONEY", 3_000_000, None, "HKD"),
    ("HK$3,000,000的善款", "HK$3,000,000", "MONEY", 3_000_000, None, "HKD"),
    ("售价3999元", "3999元", "MONEY", 3999, None, "CNY"),
    ("投资1.2亿美元", "1.2亿美元", "MONEY", 120_000_000, None, "USD"),
    # a currency word before an amount in 元 belongs to it, and says which currency
    ("罚款人民币5万元整", "人民币5万元", "MONEY", 50_000, None, "CNY"),
    ("罚款人民币陆万玖仟元整", "人民币陆万玖仟元", "MONEY", 69_000, None, "CNY"),
    ("门票新台币1200元", "新台币1200元", "MONEY", 1200, None, "TWD"),
    ("累计采购26万块GPU", "26万块", "COUNT", 260_000, "块", None),
    ("累计采购26万...", "26万", "COUNT", 260_000, None, None),
    ("磁场达到16.5特斯拉", "16.5特斯拉", "QUANTITY", 16.5, "特斯拉", None),
    ("内孔直径150毫米", "150毫米", "QUANTITY", 150, "毫米", None),
    ("新增109平方米室内", "109平方米", "QUANTITY", 109, "平方米", None),
    ("增长了50%", "50%", "PERCENT", 50, "%", None),
    ("占百分之三十", "百分之三十", "PERCENT", 30, "%", None),
    ("37项重点任务", "37项", "COUNT", 37, "项", None),
    ("共1.2万人参加", "1.2万人", "COUNT", 12_000, "人", None),
    ("营收为104.13 亿元人民币，", "104.13 亿元人民币", "MONEY", 10_413_000_000, None, "CNY"),
]


@pytest.mark.parametrize(("text", "span", "label", "value", "unit", "currency"), VALUES)
def test_find_values(text, span, label, value, unit, currency):
    found = find_values(text)
    assert len(found) == 1, found
    match = found[0]
    assert text[match.start : match.end] == span
    assert (match.label, match.value, match.unit, match.currency) == (label, value, unit, currency)


@pytest.mark.parametrize(
    "text",
    ["2025年11月28日", "型号R9700S与R9600D", "iPhone16发布", "三个月时间", "版本v2.5", "拥有33年历史"],
)
def test_no_values_in_dates_and_model_numbers(text):
    assert [text[m.start : m.end] for m in find_values(text)] == []


def test_a_currency_word_at_the_end_is_not_read_before_the_start():
    """A negative offset wraps round in str.startswith: 人民币 closing the text is no
    prefix of the 5元 that opens it."""
    text = "5元的价格，折合人民币"
    (match,) = find_values(text)
    assert (match.start, match.end, text[match.start : match.end]) == (0, 2, "5元")
