"""Company, brand and investment-firm names from the lexicon (org_companies.tsv)."""

from __future__ import annotations

import pytest

MODES = pytest.mark.parametrize("fast", [False, True], ids=["default", "fast"])


@MODES
@pytest.mark.parametrize(
    "text,surface,canonical",
    [
        ("福莱特与隆基签订光伏玻璃销售合同。", "福莱特", "福莱特"),
        ("福莱特与隆基签订光伏玻璃销售合同。", "隆基", "隆基绿能"),
        ("赛力斯发布公告称，公司拟增发股份。", "赛力斯", "赛力斯"),
        ("高瓴资本领投了这家公司的新一轮融资，红杉中国跟投。", "高瓴资本", "高瓴资本"),
        ("高瓴资本领投了这家公司的新一轮融资，红杉中国跟投。", "红杉中国", "红杉中国"),
        ("蓝色光标昨日股价上涨。", "蓝色光标", "蓝色光标"),
        ("宁德时代与蔚来汽车达成合作。", "蔚来汽车", "蔚来"),
        ("中金公司发布研报，上调紫金矿业目标价。", "中金公司", "中金公司"),
        ("中金公司发布研报，上调紫金矿业目标价。", "紫金矿业", "紫金矿业"),
        ("邮储银行也参与了这笔贷款。", "邮储银行", "中国邮政储蓄银行"),
        ("东航一架客机在虹桥机场降落。", "东航", "东方航空"),
        ("记者从中广核获悉，该机组已并网。", "中广核", "中国广核集团"),
    ],
)
def test_company_found(run, fast, text, surface, canonical):
    doc = run(text, fast=fast)
    found = {(e.text, e.label, e.canonical) for e in doc.entities}
    assert (surface, "ORG", canonical) in found


#: Ordinary words that contain, or are, a company's short name: the lexicon leaves
#: those short names out (美的, 格力, 长和, 融创, 好未来, 强生, 达能, 日立, 海信 ...).
@MODES
@pytest.mark.parametrize(
    "text",
    [
        "这是最美的风景。",
        "这部作品展现了人格力量。",
        "成长和发展是这次会议的主题。",
        "我们要开创美好未来，推进金融创新。",
        "各地加强生态保护，婚礼来宾很多。",
        "他说表达能力很重要。",
        "他今日立即赶回。",
        "上海信息产业发展迅速。",
        "要努力拓展新市场，见证崛起亚洲的力量。",
        "坐上汽车回家，推广汽车下乡。",
        "集中通报了一批案件。",
        "平安是福。",
        "他买了一斤苹果。",
    ],
)
def test_near_miss_not_org(run, fast, text):
    doc = run(text, fast=fast)
    assert not [e for e in doc.entities if e.label == "ORG"]
