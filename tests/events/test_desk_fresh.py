"""The happenings a coverage pass over fresh articles left untyped (issue 20,
``corpora/templates/ace/desk_fresh.toml``): each type is found in the phrasings news uses
and not in a campaign, a warning, a reference to a past speech or time spent on remand.
The sentences are made up in the style of the news they were tuned on."""

from __future__ import annotations

import pytest

from tests.events.conftest import news_events

#: (text, type, role, the texts of its fillers in the first event of that type)
FOUND = [
    ("乌克兰外交部长瑟比加30日发文再次否认乌方实施该袭击。", "denial", "claim", ["乌方实施该袭击"]),
    ("美国中央司令部对伊朗说法予以否认。", "denial", "actor", ["美国中央司令部"]),
    ("网易回应称消息不实。", "denial", "actor", ["网易"]),
    ("陳官將於六月四日宣讀裁決，唐琳玲繼續還柙。", "remand", "person", ["唐琳玲"]),
    ("国家监委将其涉嫌犯罪问题移送检察机关依法审查起诉。", "case_transfer", "authority", ["国家监委"]),
    ("一名男子醉驾被查。", "traffic_offence", "person", ["一名男子"]),
    ("四川一小区有小孩从19楼坠落。", "fall", "victim", ["小孩"]),
    ("王建國畢業於長榮中學。", "schooling", "person", ["王建國"]),
    ("韩正出席第十三届世界和平论坛开幕式并致辞。", "speech", "speaker", ["韩正"]),
    ("男子李某因贩毒被警方逮捕。", "drug_offence", "person", ["李某"]),
    ("中科曙光2.12亿股限售股将解禁上市。", "share_unlock", "shares", ["2.12亿股"]),
]


@pytest.mark.parametrize(("text", "event_type", "role", "expected"), FOUND)
def test_found_with_its_role(nlp, text, event_type, role, expected):
    found = news_events(nlp, text, event_type)
    assert found, text
    assert found[0].roles.get(role) == expected


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("他并不否认自己犯过错误。", "denial"),
        ("乌克兰国家安全局回应称，无法向媒体确认或否认卷入爆炸案。", "denial"),
        ("两名幼童从15楼坠楼身亡。", "fall"),  # the death, one happening
        ("他至今已還柙約九個月，還柙期間曾當上班長。", "remand"),
        ("还押期间，他在狱中读书。", "remand"),
        ("交警部门开展严查酒驾专项行动。", "traffic_offence"),
        ("工地提醒工人谨防坠落。", "fall"),
        ("23岁的卓玛大学毕业后选择回到家乡创业。", "schooling"),
        ("今年高校毕业生人数创新高。", "schooling"),
        ("各地认真学习贯彻重要讲话精神。", "speech"),
        ("国务院总理在会上作政府工作报告。", "speech"),
        ("美国将委内瑞拉所谓的贩毒组织列为恐怖组织。", "drug_offence"),
        ("警方开展禁毒宣传活动。", "drug_offence"),
        ("该游戏终于等来了解禁令。", "share_unlock"),
        ("法院批准被告申请保释。", "release"),  # bail applied for is no release
        ("裁判官要求控辯雙方提交陳詞，再就曾志健的保釋作決定。", "release"),  # someone's bail, a thing
        ("她被关押在范奈斯监狱，保释金为200万美元。", "release"),
        ("公司层面仍在持续招聘优质人才。", "recruitment"),  # hiring as a habit
    ],
)
def test_not_found(nlp, text, event_type):
    assert not news_events(nlp, text, event_type), text
