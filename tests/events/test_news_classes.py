"""The error classes measured on real news (issue 16), one table each: who did it, not who
said it; where it happened; word senses that are no event; counts and their measure
words; vague counts that are bounds, not figures."""

from __future__ import annotations

import pytest

from tests.events.conftest import news_events as _events
from tests.events.conftest import news_roles as _roles


@pytest.mark.parametrize(
    ("text", "event_type", "role", "expected"),
    [
        # the source of a report is no participant
        ("警方18日证实，一所学校遭不明武装分子袭击。", "attack", "target", ["一所学校"]),
        ("警方18日证实，一所学校遭不明武装分子袭击。", "attack", "perpetrator", ["不明武装分子"]),
        # the deceased is who died, found by a common noun after a count
        ("袭击导致一名工程师死亡。", "death", "deceased", ["一名工程师"]),
        # the epicentre is where 震中 says, not where the quake was felt
        ("某地发生4.9级地震，震中位于甲县，乙县、丙县有震感。", "earthquake", "epicenter", ["甲县"]),
        # the place is where it happened, not the route
        ("一辆从广州开往深圳的客车在莞深高速东莞段翻车，造成3人受伤。", "traffic_accident",
         "place", ["莞深高速东莞段"]),
        # counts keep their measure word; an adverb may stand before the verb
        ("事故致使6人当场死亡。", "death", "deaths", ["6人"]),
        ("火灾造成3人不幸遇难。", "fire", "deaths", ["3人"]),
        ("袭击导致一名工程师死亡。", "attack", "deaths", ["一名"]),
        # before a passive trigger word stands who underwent it, never the doer; a place
        # after 在 is where
        ("两名学生在伊利沙伯医院被捕。", "arrest", "arrester", None),
        ("警方证实，一名男子在商场被捕。", "arrest", "arrester", None),
        ("嫌疑人张某已于昨日落网。", "arrest", "arrester", None),
        # before 中枪 / 遇袭 stands who was shot or attacked, never the gunman
        ("一名男子昨晚在街头中枪。", "shooting", "perpetrator", None),
        ("一名男子昨晚在街头中枪。", "shooting", "target", ["一名男子"]),
        ("男子开枪打伤一名警察。", "shooting", "perpetrator", ["男子"]),
        ("警方昨日拘捕了张某。", "arrest", "arrester", ["警方"]),
        ("张某被警方拘捕。", "arrest", "arrester", ["警方"]),
        # the speaker of 指， is the source, not the one who was caught
        ("邓炳强指，案件仍在调查中，两名男子被捕。", "arrest", "arrested", ["两名男子"]),
        # a name inside the phrase another role's cue opens (向…, 同…) belongs to that role
        ("习近平向塞舌尔当选总统赫米尼耶致贺电。", "letter", "sender", ["习近平"]),
        ("古巴在西半球国家中率先同新中国建交。", "diplomatic_relations", "party", ["古巴"]),
        ("古巴在西半球国家中率先同新中国建交。", "diplomatic_relations", "counterpart", ["中国"]),
        # whom 同 names before a meeting verb is the counterpart, not a second party
        ("习近平同佩泽希齐扬举行了会晤。", "meeting", "counterpart", ["佩泽希齐扬"]),
        ("今年1月，习近平主席同迪萨纳亚克总统成功会晤。", "meeting", "counterpart", ["迪萨纳亚克"]),
        ("习近平同佩泽希齐扬举行了会晤。", "meeting", "party", ["习近平"]),
        # a country before a common noun for people says who they are (中国女游客); a
        # player is named after the word for them, a gamer by their handle
        ("中国女游客在印尼坠亡。", "death", "deceased", ["中国女游客"]),
        ("第一轮轻松淘汰德国选手HeRoMaRinE。", "match_win", "loser", ["HeRoMaRinE"]),
        ("李培楠在决赛以4-1击败韩国选手Maru夺冠。", "championship", "champion", ["李培楠"]),
        # 当地 / 涉事 belong to the common noun they single out (当地警方, 涉事老人)
        ("后当地警方以寻衅滋事为由立案调查。", "case_filing", "authority", ["当地警方"]),
        ("因涉事老人于1月24日去世，案件终止审理。", "death", "deceased", ["涉事老人"]),
        # a listed company named by its name and its trade before a market move
        ("延华智能跌停，因涉嫌信息披露违法违规。", "limit_down", "stock", ["延华智能"]),
        # whom 与 joins to a party is a party, never where it happened
        ("去年5月，习近平主席与塞西总统会谈。", "meeting", "place", None),
        ("哈马斯与以色列代表团6日在埃及举行间接谈判。", "talks", "place", ["埃及"]),
        ("哈马斯与以色列代表团6日在埃及举行间接谈判。", "talks", "counterpart", ["以色列代表团"]),
        # a joiner that is another role's cue does not extend a list (与 marks the partner)
        ("臺南市政府與長榮大學合作辦理培訓課程。", "partnership", "party", ["臺南市政府"]),
        ("臺南市政府與長榮大學合作辦理培訓課程。", "partnership", "partner", ["長榮大學"]),
        # family members are people: the one beaten is the mother-in-law, not the police
        ("短跑名将张培萌因3年前殴打岳母，被警方行政拘留5日。", "attack", "target", ["岳母"]),
        ("山西10岁失联男孩疑被生母和继父杀害。", "attack", "perpetrator", ["生母", "继父"]),
        # an authority is who acts, never where a thing happened
        ("2022年10月18日，丹麦哥本哈根警方报告称，造成管道损坏的原因是“强烈的爆炸”。", "explosion",
         "place", None),
        ("天津一化工厂发生爆炸。", "explosion", "place", ["天津"]),
        # one party plays one part: 以军 is not also the target of its own strike
        ("以军称，以军当天空袭了约旦河西岸卡巴提亚镇。", "attack", "target", ["约旦河西岸卡巴提亚镇"]),
        ("网购时卖家收款后消失，其学生遭卖家诈骗五千元。", "fraud", "victim", ["其学生"]),
        # the court that hears a case is no party of it
        ("華為已在美國德州向聯邦法院提出訴訟，挑戰《國防授權法案》。", "lawsuit", "plaintiff", ["華為"]),
        # a protest's count is a number of people, never 人 of 香港人
        ("百多人在政府总部外示威。", "protest", "count", ["百多人"]),
        ("香港人上街游行。", "protest", "count", None),
        # whom another role's object cue (对, 向) opens is that role's, even alone; 反对 is
        # no such cue
        ("俄罗斯央行就冻结资产一事对欧洲清算银行提起诉讼。", "lawsuit", "plaintiff", ["俄罗斯央行"]),
        ("该行随后就冻结资产一事对欧洲清算银行提起诉讼。", "lawsuit", "plaintiff", None),
        ("以色列政府对加沙发动新一轮打击。", "attack", "target", ["加沙"]),
        ("巴西多地爆发抗议活动，反对美国对巴西商品加征关税。", "tariff", "issuer", ["美国"]),
        # police officers are people who arrest, not the ones arrested; the speaker is nobody
        ("中大學生會表示，警員在校園內拘捕該同學。", "arrest", "arrester", ["警員"]),
        ("中大學生會表示，警員在校園內拘捕該同學。", "arrest", "arrested", None),
        ("防暴警察在旺角拘捕多名示威者。", "arrest", "arrester", ["防暴警察"]),
        ("一名警员被捕。", "arrest", "arrested", ["一名警员"]),
        # a lone source is a participant only when no other role's filler is the subject
        # of the trigger between them
        ("习近平指出，上海合作组织成立24年来，始终秉持“上海精神”。", "founding", "founder", None),
        ("习近平指出，上海合作组织成立24年来，始终秉持“上海精神”。", "founding", "organization",
         ["上海合作组织"]),
    ],
)
def test_role_goes_to_the_right_span(nlp, text, event_type, role, expected):
    assert _roles(nlp, text, event_type).get(role) == expected


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("伤者已脱离危险。", "withdrawal"),
        ("记者联系不上该公司负责人。", "missing_person"),
        ("警方在现场发现爆炸物。", "explosion"),
        ("警方将此事定性为恐怖袭击。", "attack"),
        ("这不是一起单一的爆炸事件。", "explosion"),
        ("在烈火中永生。", "fire"),
        # a risk, a drill or a topic the trigger word only modifies
        ("检查发现该厂存在火灾隐患。", "fire"),
        ("学校开展地震应急演练。", "earthquake"),
        ("沿海地区面临洪水威胁。", "flood"),
        ("该路段是交通事故多发路段。", "traffic_accident"),
        # a precaution or a hypothetical
        ("各地要严防森林火灾。", "fire"),
        ("专家提醒市民谨防诈骗。", "fraud"),
        ("消防员模拟火灾现场进行救援。", "fire"),
        # a condition, a kind in a list, a retired person
        ("若勞工不幸被解僱，也提供失業給付。", "dismissal"),
        ("只要消费满100元即可获得一张抽奖券。", "award"),
        ("一通电话即可获得即时协助。", "meeting"),
        ("积极强化面对风灾、地震、水灾、土砂灾害等的应变能力。", "earthquake"),
        ("积极强化面对风灾、地震、水灾、土砂灾害等的应变能力。", "flood"),
        ("现场安排68岁的退休校长范华亭演奏。", "departure"),
        # a trigger verb made a noun: a person by role, a thing, a stage
        ("全球首富、亚马逊创办人贝索斯在网上发文。", "founding"),
        ("此次毕业典礼的邀请卡是创意的机票设计。", "invitation"),
        ("但进入淘汰赛后，他很快找到了比赛状态。", "match_win"),
        # a rule's penalty, a list of charges, a label or a word quoted as a word
        ("根据建议，一经定罪可判监6个月及罚款5万元。", "fine"),
        ("草案建议初犯判处入狱一年，重犯判处监禁3年。", "imprisonment"),
        ("若再犯或恶意触犯判处5000元及监禁12个月。", "imprisonment"),
        ("他表示涉及的罪行包括非法集会、袭警。", "attack"),
        ("警方将事件定性为暴动。", "riot"),
        ("他在下午用上「骚乱」一词。", "riot"),
        # how often it happened, a period named by it, a show or an assessment put out
        ("已观测到该区域1级以上地震超过1000次。", "earthquake"),
        ("新涵闸用于洪涝时期的排水。", "flood"),
        ("广西合浦推出跨年海上烟花秀。", "product_launch"),
        ("欧洲央行当天发布了最新货币政策战略评估。", "product_launch"),
        # a hazard named by what prevents it or where it may strike
        ("市长持续推动土石流自主防灾社区。", "landslide"),
        ("目前台湾地区土石流潜势溪流共计有1,731条。", "landslide"),
        # an invitation to the public at large is a call
        ("市长邀请民众即日起到台南一同探索博物馆。", "invitation"),
        # speakers or performers invited into a programme: what it holds, no invitation to meet
        ("市府水利局三天內完成修復並邀請土木及水利專業技師進行現勘。", "invitation"),
        ("教育局邀請欣弦大提琴室內樂團帶來演出。", "invitation"),
        # market statistics
        ("两市71股涨停，14股跌停。", "limit_up"),
        ("两市71股涨停，14股跌停。", "limit_down"),
        # a count, a habit or a question
        ("该市火灾起数同比下降两成。", "fire"),
        ("该路段每年都会发生交通事故。", "traffic_accident"),
        ("记者问他会否辞职。", "departure"),
        ("警方审讯嫌疑人后查明真相。", "hearing"),  # questioning by the police
        ("他上庭前接受记者访问。", "hearing"),  # a point of reference
        ("李家超表示，尊重法院裁決，入境處將細心研究判詞。", "hearing"),  # a ruling referred to
        ("不需考慮梁國雄搶文件案的終審法院裁決結果。", "hearing"),
        ("他拒绝透露具体时间。", "rejection"),  # declining to say
        ("他擅长民事诉讼。", "lawsuit"),  # a field of law
        ("微软新增了对H200芯片的访问。", "visit"),  # access, no visit
        # a ranking, a turn of things, a ban, know-how handed over
        ("台南今年獲英國《Time Out》評選為「亞洲十大街頭美食城市」第6名。", "election"),
        ("林鄭月娥上任半年，形勢已經逆轉。", "match_win"),
        ("總統下令禁止美國企業採購中國華為公司的電信設備。", "procurement"),
        ("逼使美國公司向中國實體轉讓技術。", "divestment"),
        # an election's results, a receivership's office
        ("地產建設商會秘書長龍漢標勝出（242票），擊敗趙式浩（138票）。", "match_win"),
        ("律政司已去信破產管理處，釐清支聯會的法律地位。", "bankruptcy"),
        ("2022年全省出生人口为41.2万人，死亡人口为40.9万人。", "death"),  # a statistic
        ("黃偉哲鼓勵長者加入行動學苑。", "joining"),  # encouragement
        # a list of topics, tasks or drills ending in 等 (the trigger ends an item)
        ("会议讨论乌克兰安全保障、领土、俄乌总统会晤等议题。", "meeting"),
        ("谈判涉及加沙地带停火、交换被扣押人员、以色列初步撤军等内容。", "ceasefire"),
        ("要想方设法做好人员搜救、伤员救治、善后安抚等工作。", "search_rescue"),
        # a campaign against it, a challenge it poses, a disaster drill, a post online
        ("希望能和警方密切聯繫，共同反詐騙守護民眾財產。", "fraud"),
        ("警方打击诈骗团伙。", "fraud"),
        ("面對近年極端氣候帶來的短延時強降雨挑戰，台南市持續推動治水。", "rainstorm"),
        ("年度演習評鑑均獲佳績。", "military_exercise"),
        ("小黄将自己的遭遇发布在网上。", "product_launch"),
        # 就任何 (about any), a kind of leave, a rule's maximum, a condition
        ("港鐵會循法律途徑追究禮頓就任何未符合施工規格的責任。", "appointment"),
        ("另包年假、病假、分娩假期及侍產假期等。", "childbirth"),
        ("陳肇始宣布刊憲，罰款可達25,000元。", "fine"),
        ("通過初選後方可進入決賽。", "advancement"),
        # a warning to leave, room to rise, victims commemorated
        ("伊朗直升机向美军驱逐舰发出驱逐警告。", "deportation"),
        ("高盛称公司股价有30%上涨空间。", "market_move"),
        ("人们深切缅怀革命先烈和遇难同胞。", "death"),
        # permeable paving, a fixed-penalty form, 定增 inside 稳定增长, a storm's track
        ("推動透水鋪面、逕流分擔、在地滯洪。", "mine_accident"),
        ("需要修訂定額罰款一張表格。", "fine"),
        ("保持经济稳定增长，保持就业稳定。", "financing"),
        ("要紧盯“海鸥”台风走势，完善有关措施。", "typhoon"),
        ("在庫房持續水浸、財政儲備高達11,616億元的情況下。", "flood"),  # money, not water
        ("慶委會將舉辦其他慶回歸活動。", "joining"),
        ("警方严厉打击犯罪活动。", "attack"),  # a crackdown
        # a word of a quoted slogan, Hong Kong's handover, leaving a dock or a prison
        ("有人叫喊「攻擊性口號」，包括「支持警察、吞槍自殺」等。", "death"),
        ("他評估今次選舉與回歸前立法局選舉相若。", "joining"),
        ("律師著他離開被告欄。", "departure"),
        ("这些部队将被视为合法军事打击目标。", "attack"),
        # a person falling, a ship entering waters, running away from home, a stake put up
        # for sale, the policy of opening up, a worry, an authority's review
        ("近期，没发现有游客坠落的情况。", "plane_crash"),
        ("菲律宾公务船擅自闯入黄岩岛附近海域。", "advancement"),
        ("儿子在村里离家出走至今未归。", "departure"),
        ("鄄城丝路100%股权在山东产权交易中心挂牌。", "listing"),
        ("中方将坚定不移扩大高水平对外开放，", "opening"),
        ("市场再次担心美联储激进加息。", "rate_hike"),
        ("公司涉嫌信息披露违法案已调查和审理完毕。", "hearing"),
        ("捷克当选总统帕维尔近日同蔡英文进行通话。", "appointment"),  # a title: president-elect
        ("捷克当选总统帕维尔罔顾中方多次劝阻，执意同蔡英文通电话。", "appointment"),
        ("然而减持新规出台后，市场反应平淡。", "divestment"),  # the new rule on it
        ("捷克当选总统帕维尔近日同蔡英文进行通话。", "meeting"),  # a phone call is no meeting
        # a trigger word before a noun it modifies: a cause, a method, a ring, a fee
        ("当局表示，将会刑事调查起火原因。", "fire"),
        ("分享常见的诈骗手法，如假交友。", "fraud"),
        ("要求先行支付见面费用。", "meeting"),
        # a precaution against it, a quality it lends, a registered body
        ("市府将全面防堵诈骗行为。", "fraud"),
        ("以令人惊艳与令人赞叹的生态校园为底蕴。", "praise"),
        ("今年从近300个立案演艺团队中选出7组杰出团队。", "case_filing"),
        ("黃偉哲熱情邀請歡迎全台音樂創作者踴躍投件。", "invitation"),
        ("他誠摯邀請全國音樂創作人踴躍參加。", "invitation"),
        # a return with no one to return to; a forecast of an outcome
        ("DSE歷史科必答題問到香港九七回歸。", "joining"),
        ("為香港解決問題，回歸原貌，回復更理想的狀態。", "joining"),
        ("增长是必由之路，而中国将胜出。", "match_win"),
        ("专注本源业务的支付机构有望持续胜出。", "match_win"),
        ("中国队有望夺冠。", "championship"),
        # a warning of a flood, weather that strikes
        ("英格兰地区当天发布多次洪水预警。", "flood"),
        ("英格蘭地區當天發布多次洪水預警。", "flood"),
        ("英国、葡萄牙遭遇恶劣天气袭击。", "attack"),
        ("强风暴袭击美国东部，造成3人死亡。", "attack"),
    ],
)
def test_another_sense_a_risk_a_habit_or_a_question_is_no_event(nlp, text, event_type):
    assert event_type not in [e.type for e in _events(nlp, text)]


@pytest.mark.parametrize(
    ("text", "event_type", "role", "span", "value", "approximate"),
    [
        ("火灾造成2人死亡，数十人受伤。", "fire", "injuries", "数十人", 10, True),
        ("火灾造成2人死亡，10多人受伤。", "fire", "injuries", "10多人", 10, True),
        ("火灾造成2人死亡，3人受伤。", "fire", "injuries", "3人", 3, False),
    ],
)
def test_a_vague_count_is_a_bound_not_a_figure(nlp, text, event_type, role, span, value, approximate):
    (event,) = [e for e in _events(nlp, text) if e.type == event_type]
    (argument,) = event.all(role)
    assert (argument.text, argument.value, argument.approximate) == (span, value, approximate)


@pytest.mark.parametrize(
    ("text", "event_type", "role", "expected"),
    [
        # a dated career step is an appointment; an undated 曾任 list is not
        ("2018年2月起，姚凯任上海市浦东新区人民政府副区长。", "appointment", "person", ["姚凯"]),
        # issuing a policy, a rule or a programme
        ("国家网信办公布《生成式人工智能服务管理办法》。", "policy_launch", "policy",
         ["《生成式人工智能服务管理办法》"]),
        ("永定区教育局在全区范围内开展校园欺凌专项治理行动。", "policy_launch", "policy",
         ["校园欺凌专项治理行动"]),
        # X成立于…: the organisation comes before the trigger
        ("杭州奥曦科技有限公司成立于2016年10月。", "founding", "organization", ["杭州奥曦科技有限公司"]),
        # a visit to a place a cue marks before the trigger
        ("李强9月15日至16日在甘肃、青海调研。", "visit", "destination", ["甘肃", "青海"]),
        # a charge: the one charged is the defendant
        ("黄之锋等20人被控藐视法庭。", "lawsuit", "defendant", ["黄之锋"]),
        # plain sentences
        ("国务院任命张伟为国家统计局局长。", "appointment", "person", ["张伟"]),
        ("腾讯向京东投资5亿美元。", "investment", "target", ["京东"]),
        ("上海迪士尼乐园今天正式开业。", "opening", "organization", ["上海迪士尼乐园"]),
        ("张某因受贿罪被判处有期徒刑十年。", "imprisonment", "term", ["十年"]),  # the rest of 有期徒刑十年
        ("谢娜产下一女。", "childbirth", "parent", ["谢娜"]),
        ("德国队1比2败于韩国队。", "match_loss", "winner", ["韩国队"]),
        # who says the paragraph thanks or praises: the speaker of its quote
        ("黃偉哲市長表示，官田國中今年再度獲獎。由衷感謝官田國中歷任校長及團隊。", "thanks", "thanker", ["黃偉哲"]),
        ("尼泊尔总理奥利表示，感谢中方长期以来的帮助。", "thanks", "thanker", ["奥利"]),
        # the court's officer is never the one sentenced
        ("原審裁判官鄭紀航審訊後裁定被告陳凱文罪成，判處監禁9個月。", "imprisonment", "prisoner", ["陳凱文"]),
        # the post given up is named in full before 职务; 有关职位 names none
        ("湖北省人大常委会决定接受黄家武辞去第十四届全国人民代表大会代表职务。", "departure", "position",
         ["第十四届全国人民代表大会代表"]),
        ("张鐵志後來辭去有關職位。", "departure", "position", None),
        # a capture is more than a common noun inside it (法院 of 高等法院)
        ("案件今日在高等法院審理。", "hearing", "court", ["高等法院"]),
        # a hearing resumed, a judgment handed down (Hong Kong's words)
        ("調查委員會後日復訊。", "hearing", "court", ["調查委員會"]),
        ("終審法院今日頒下判詞。", "hearing", "court", ["終審法院"]),
        ("「七警案」今日終在灣仔區域法院裁決。", "hearing", "court", ["灣仔區域法院"]),
        # a capture from the clause start leaves the connective out (然而减持新规)
        ("然而减持新规出台的第二天，东方时尚控股股东便减持股份。", "policy_launch", "policy", ["减持新规"]),
        ("土耳其法院周一裁決，總編輯沙賓庫繼續還柙。", "hearing", "court", ["土耳其法院"]),
        # who is thanked follows the verb, up to what they did
        ("黃偉哲表示，感謝志工讓台南更有溫度與人情味。", "thanks", "thanked", ["志工"]),
        ("体育局长表示，感谢各界业者踊跃参与。", "thanks", "thanked", ["各界业者"]),
        ("林节思感谢母亲的安慰和指引。", "thanks", "thanked", ["母亲"]),
        ("黃偉哲市長：感謝教師用教育愛成就每位孩子。", "thanks", "thanked", ["教師"]),
        # the head of a list ends before a time word or an adverb
        ("教育部等七部门近日联合印发《关于加强中小学科技教育的意见》。", "policy_launch", "issuer", ["教育部等七部门"]),
        # a term in weeks or days
        ("余澎杉2015年在新加坡被控「意圖傷害宗教感情」，其後判監六星期。", "imprisonment", "term", ["六星期"]),
        ("原審裁判官判處被告監禁9個月2星期。", "imprisonment", "term", ["9個月2星期"]),
        # 获X奖 names the prize; a body votes a plan through; 向X发行 names the subscriber
        ("國立臺南大學蔡明昌教授獲全國師鐸獎。", "award", "award", ["全國師鐸獎"]),
        # who won a prize: X奖得主Y, 获X奖的Y老师
        ("講座邀請第三屆葉石濤短篇小說文學獎首獎得主，臺灣知名作家朱宥勳規劃。", "award", "winner", ["朱宥勳"]),
        ("講座邀請第三屆葉石濤短篇小說文學獎首獎得主，臺灣知名作家朱宥勳規劃。", "award", "award",
         ["第三屆葉石濤短篇小說文學獎首獎"]),
        ("诺贝尔物理学奖得主杨振宁表示，科学没有国界。", "award", "winner", ["杨振宁"]),
        ("獲全國師鐸奬的樹林國小楊易霖老師表示，只要改變沒有不可能。", "award", "winner", ["楊易霖"]),
        # a prize in quotes, a rank in a contest (勇奪國小組特優)
        ("台南獲「菜市場金馬獎」1128顆星。", "award", "award", ["菜市場金馬獎"]),
        ("東陽國小作品勇奪國小組特優。", "award", "award", ["國小組特優"]),
        ("他获得了优等生的称号。", "award", "award", ["优等生的称号"]),
        ("中共二十届四中全会审议通过“十五五”规划建议。", "policy_launch", "policy", ["“十五五”规划建议"]),
        # a notice titled 关于…的 without brackets, a ban, a plan of response
        ("沈阳发布关于加强重点管控区域疫情防控工作的通知。", "policy_launch", "policy",
         ["关于加强重点管控区域疫情防控工作的通知"]),
        ("浙江温州市教育局發出禁止令。", "policy_launch", "issuer", ["浙江温州市教育局"]),
        ("黃偉哲提出關稅因應對策。", "policy_launch", "policy", ["關稅因應對策"]),
        ("公司拟向特定对象中航集团发行A股股票募集资金总额不超过60亿元。", "financing", "lead_investor", ["中航集团"]),
        # 记者 alone is who writes the story, no participant
        ("记者从国家发展改革委今天举行的新闻发布会上了解到，我国将加大力度。", "press_conference", "person", None),
        # a market report's list of stocks: each stock a filler, 等 none
        ("半导体板块盘初爆发，柏诚股份、圣晖集成、中瓷电子涨停。", "limit_up", "stock", ["柏诚股份", "圣晖集成", "中瓷电子"]),
        ("混合现实概念维持热度，道明光学、亚世光电、力鼎光电等涨停。", "limit_up", "stock", ["道明光学", "亚世光电", "力鼎光电"]),
        # a sum with its bound, a change with its direction, as written
        ("周梅香等人捐贈南市府1輛價值逾180萬元的復康巴士。", "donation", "amount", ["逾180萬元"]),
        ("大豪科技拟募资不超过52亿元。", "financing", "amount", ["不超过52亿元"]),
        # a discipline body's formula: who acts opens it, whom it is about closes the 对
        # phrase, whose titles may hold a comma; 给予X开除…处分 names who is expelled
        ("中央纪委国家监委对第二十届中央委员，广西壮族自治区党委原书记蓝天立严重违纪违法问题进行了立案审查调查。",
         "case_filing", "target", ["蓝天立"]),
        ("中央纪委国家监委对第二十届中央委员，广西壮族自治区党委原书记蓝天立严重违纪违法问题进行了立案审查调查。",
         "case_filing", "authority", ["中央纪委国家监委"]),
        ("经中共中央政治局会议研究，决定给予蓝天立开除党籍处分。", "dismissal", "dismissed", ["蓝天立"]),
        # a range of sums is one amount; a stake bought or sold keeps the broader type's
        # role names and its share as written
        ("控股股东拟5000万元-1亿元继续增持股份。", "stake_increase", "price", ["5000万元-1亿元"]),
        ("控股股东拟5000万元-1亿元继续增持股份。", "stake_increase", "acquirer", ["控股股东"]),
        ("张曙华拟减持不超4.4675％股份。", "stake_reduction", "asset", ["不超4.4675％股份"]),
        ("张曙华拟减持不超4.4675％股份。", "stake_reduction", "seller", ["张曙华"]),
        ("中国国航今年第三季度实现营收458.64亿元，同比增长152.89％。", "earnings", "change", ["同比增长152.89％"]),
        # a name's honorific is no second person, and does not break a list of names
        ("臺南市民周梅香女士表示，她捐贈了一輛巴士。", "donation", "donor", ["周梅香"]),
        ("友人林莊麗珠女士、李瑞生先生等人捐贈南市府1輛復康巴士。", "donation", "donor", ["林莊麗珠", "李瑞生"]),
        # X对Y实施打击: X strikes Y
        ("乌克兰方面称，乌军对俄军弹药库实施了打击。", "attack", "perpetrator", ["乌军"]),
        ("以色列国防军29日称，以军当天对加沙地带数十个目标实施了打击。", "attack", "perpetrator", ["以军"]),
        # X的Y captured whole: the name X only owns the head Y
        ("乌军当天对俄列宁格勒州的基里希石油化工厂实施了打击。", "attack", "target", ["俄列宁格勒州的基里希石油化工厂"]),
        # a stock named after its theme, with its streak and the opening auction before
        # the limit; a half year is part of a term
        ("另外机器人概念股南方精工跌停。", "limit_down", "stock", ["南方精工"]),
        ("汽车产业链的浙江世宝（3板）竞价涨停。", "limit_up", "stock", ["浙江世宝"]),
        ("丈夫秦真被判刑2年半，緩期執行。", "imprisonment", "term", ["2年半"]),
        # before 被 stands who was shot, and so does the head of the relative clause the
        # passive trigger ends; 击毙 tells a death
        ("10.1在荃灣被警員槍擊左胸受傷的中五男生曾志健，被落案起訴一項暴動罪。", "shooting", "target", ["曾志健"]),
        ("10.1在荃灣被警員槍擊左胸受傷的中五男生曾志健，被落案起訴一項暴動罪。", "shooting", "perpetrator", ["警員"]),
        ("去年亦發生報館遇襲，4名記者及1名員工被槍擊斃。", "shooting", "perpetrator", None),
        ("3名武装分子被警方击毙。", "death", "deceased", ["3名武装分子"]),
        # 續審 is a hearing
        ("案件今（18日）在區域法院續審。", "hearing", "court", ["區域法院"]),
        # a contest's prizes given: the contest names the award
        ("台南市國產龍眼蜂蜜評鑑頒獎 黃偉哲甜讚最好吃蜂蜜在台南", "award", "award", ["台南市國產龍眼蜂蜜評鑑"]),
        ("並於會中進行112年度臺南市國產精品咖啡評鑑頒獎。", "award", "award", ["112年度臺南市國產精品咖啡評鑑"]),
        # a contest's prize-giving held names the contest as the award; the venue it is
        # held at is no winner (but a host named by where its gathering was stays one)
        ("台南市「115年度國產龍眼蜂蜜評鑑」今(5)日上午於民治市政中心舉行頒獎典禮。", "award", "award",
         ["115年度國產龍眼蜂蜜評鑑"]),
        ("台南市「115年度國產龍眼蜂蜜評鑑」今(5)日上午於民治市政中心舉行頒獎典禮。", "award", "winner", None),
        ("在中国驻英国使馆举行的国庆招待会上，来宾高度评价中国发展成就。", "public_event", "organizer",
         ["中国驻英国使馆"]),
        # a plan named with quoted words, issued; a rule named without brackets
        ("江苏银行发布国内银行业首个“碳中和”行动方案。", "policy_launch", "policy", ["国内银行业首个“碳中和”行动方案"]),
        ("中央政法委印发了司法机关内部人员过问案件的记录和责任追究规定。", "policy_launch", "policy",
         ["司法机关内部人员过问案件的记录和责任追究规定"]),
        # an honour one is chosen for; a name inside a party another role took is part of it
        ("南市有3所國中小獲選為全國人工智慧教育績優學校，領先全國。", "award", "award", ["全國人工智慧教育績優學校"]),
        ("台南今年獲英國《Time Out》評選為「亞洲十大街頭美食城市」第6名。", "award", "winner", None),
        ("葉石濤文學紀念館成立迄今已超過20萬人次參觀。", "founding", "founder", None),
        # a founder told in an earlier sentence that the founding does not point back to
        ("吉林省长白山管委会推进生态旅游。老岭保护站于2019年成立，守护着大片森林。", "founding", "founder", None),
        # but one the founding's sentence points back to by a pronoun
        ("王小明拥有深厚的AI研究履历。在联合创立xAI之前，他曾是谷歌研究团队的骨干成员。", "founding", "founder", ["王小明"]),
        # a trial opening opens
        ("臺南市南區全民運動中心即日起提供七天試營運免費入場。", "opening", "organization", ["臺南市南區全民運動中心"]),
        # 落台: stepping down, in Cantonese
        ("2005年3月，時任特首董建華「腳痛」落台，曾蔭權接棒做特首。", "departure", "person", ["董建華"]),
        # taken away by the police is arrested
        ("許章潤被指在四川嫖娼，遭公安帶走，及後被清華大學開除法學院教授一職。", "arrest", "arrested", ["許章潤"]),
        ("許章潤被指在四川嫖娼，遭公安帶走，及後被清華大學開除法學院教授一職。", "dismissal", "employer", ["清華大學"]),
        # a courtesy call is a meeting
        ("Compass集團今(15)日率團至市府拜會臺南市長黃偉哲。", "meeting", "counterpart", ["黃偉哲"]),
        # a venue put into use opens; a road or bridge opened to traffic too, with its place
        # (农历年前 holds 历年, no habit)
        ("臺南市長黃偉哲今(24)日主持新營運動中心啟用典禮。", "opening", "organization", ["新營運動中心"]),
        ("重溪橋改建主線年前通車。", "opening", "place", ["重溪橋"]),
        ("大桥主线将于农历年前开放通车。", "opening", "place", None),
        # a programme named before its start
        ("鹽水、新化區散步導覽路線啟動 黃偉哲歡迎全國遊客來體驗在地人文風情", "policy_launch", "policy",
         ["鹽水、新化區散步導覽路線"]),
        ("市府宣布散步導覽路線正式啟動。", "policy_launch", "policy", ["散步導覽路線"]),
        # a date before 成立 is no part of the name
        ("無國界記者於1985年成立，總部設於巴黎。", "founding", "organization", ["無國界記者"]),
        # a ministry is no launch's company, and none is borrowed from afar in its place
        ("小米公司发布会后，水利部发布《河湖管理范围划定技术规范》。", "product_launch", "company", None),
        # 任 between a name and an office that ends the clause takes up the post
        ("“75后”张红文任合肥市委书记", "appointment", "person", ["张红文"]),
        ("华为云新人事任命：徐直军任董事长。", "appointment", "position", ["董事长"]),
        # every post of a list taken at once
        ("2022年，王江任中国光大集团股份公司党委书记、董事长。", "appointment", "position", ["党委书记", "董事长"]),
        # a policy named before its issuing or its coming into force
        ("2021年三孩生育政策实施以后，各地陆续出台地方性措施。", "policy_launch", "policy", ["三孩生育政策"]),
        ("2026年优化实施“两新”政策方案正式发布。", "policy_launch", "policy", ["“两新”政策方案"]),
        # a case's name holds no one's step towards it
        ("黃之鋒等人被控藐視法庭，法官將案件押後至本周四再審理。", "hearing", "case", None),
        ("重庆姐弟坠亡案今日在重庆市高级人民法院二审开庭。", "hearing", "case", ["重庆姐弟坠亡案"]),
        # a launch verb as a modifier: the noun it modifies is the product
        ("双方合作推出的问界车型，月销量一度达到万台规模。", "product_launch", "product", ["问界车型"]),
        ("苹果预计于今年9月发布的iPhone15 Pro Max将涨价。", "product_launch", "product", ["iPhone15 Pro Max"]),
        ("南市推出的「響動‧享動 全民來運動」運動健康護照大受歡迎。", "product_launch", "product", ["響動‧享動 全民來運動"]),
        # a quoted name of a kind of product, told before its trigger, is the product
        ("「巷仔Niau棒球姿勢微型模型」系列商品（共五款：投手、捕手、外野手、打者、跑者）將於3月2日起正式發售。",
         "product_launch", "product", ["巷仔Niau棒球姿勢微型模型"]),
        ("中心開發「公車達人向前行」交通安全教具，於日前博覽會中亮相。", "product_launch", "product",
         ["公車達人向前行"]),
        # a country's titles before a name, one or several: the name is who
        ("赵乐际会见韩国总统特使朴炳锡。", "meeting", "counterpart", ["朴炳锡"]),
        ("李强会见汤加国王图普六世。", "meeting", "counterpart", ["图普六世"]),
        ("王毅同德国外长通电话。", "phone_call", "counterpart", ["德国外长"]),
        # a document named before it is issued
        ("省发展改革委编制完成《安徽省2021年重点项目投资计划》并印发实施。", "policy_launch", "policy",
         ["《安徽省2021年重点项目投资计划》"]),
        # a place with the part of it named after it, or a place inside it joined by a part
        ("台风“海鸥”6日在越南中部登陆，已导致5人死亡。", "death", "place", ["越南中部"]),
        ("圣城旅7日称，在加沙地带北部袭击了以军车辆。", "attack", "place", ["加沙地带北部"]),
        ("以军再次对叙利亚南部苏韦达省发动空袭。", "attack", "place", ["叙利亚南部苏韦达省"]),
        ("一架客机在广西梧州市藤县莫埌村附近坠毁。", "plane_crash", "place", ["广西梧州市藤县莫埌村附近"]),
        # X对Y实施空袭: X, opening the clause, strikes (以色列军队, not 以色列军); a place
        # struck is where (a country alone is no more than whom)
        ("以色列国防军当天对黎巴嫩南部多地实施空袭。", "attack", "perpetrator", ["以色列国防军"]),
        ("以色列军队当天对加沙地带多地发动袭击，造成至少33人死亡。", "attack", "perpetrator",
         ["以色列军队"]),
        ("卡塔尔多哈9日遭空袭。", "attack", "place", ["卡塔尔多哈"]),
        ("俄军袭击乌克兰。", "attack", "place", None),
        # past a setting its postposition closes (在发言中), a name is no longer in it; a
        # country's representative acts for it
        ("中国代表在发言中严厉谴责以色列袭击卡塔尔。", "attack", "perpetrator", ["以色列"]),
        ("中国代表在发言中严厉谴责以色列袭击卡塔尔。", "attack", "place", None),
        ("中国代表在发言中严厉谴责以色列袭击卡塔尔。", "condemnation", "actor", ["中国代表"]),
        # who tells of an act done to others is none of them, even with no comma after the
        # telling (表示今早被捕的…); alleged (被指) is no telling
        ("港大法律學院院長傅華伶則向學院發訊，表示今早被捕的4名港大學生，其中一位是學生。", "arrest",
         "arrested", ["學生"]),
        ("曾發文批評國家主席的許章潤，被指在四川嫖娼，遭公安帶走。", "arrest", "arrested", ["許章潤"]),
        # X接受Y捐赠: X received it, Y gave it
        ("社會局郭乃文局長代表黃偉哲市長接受科林公司捐贈。", "donation", "donor", ["科林公司"]),
        # 被控 / 被指 tell a charge or a claim: the act after them stays active
        ("张三被控殴打李四。", "attack", "perpetrator", ["张三"]),
        ("男子被指持刀砍伤邻居。", "attack", "perpetrator", ["男子"]),
        # the object after 收购 is what was bought; a seller is cued (从X)
        ("小米收购了华为。", "acquisition", "target", ["华为"]),
        ("小米收购了华为。", "acquisition", "seller", None),
        # a plan named first and voted through; a plan as a document (計畫案) is no future
        ("新市12公頃附帶條件農業區都市計畫案審議通過，新市地區發展更進一步。", "policy_launch", "policy",
         ["新市12公頃附帶條件農業區都市計畫案"]),
        # an exhibition put on is an opening, named whole (its quoted titles included)
        ("隆田Cha Cha園區創全國之先，開辦小兔彼得120周年經典冒險旅程戶外特展。", "opening", "event",
         ["小兔彼得120周年經典冒險旅程戶外特展"]),
        ("臺南愛國婦人會館即日起推出「巷仔Niau棒球故事特展」，歡迎民眾參觀。", "opening", "event",
         ["「巷仔Niau棒球故事特展」"]),
        # a notice issued under its title (通告; a company's 公告 is no policy)
        ("北京市市场监管局1月29日发布《关于进一步拓展“北京冷链”追溯食品品种的通告》。", "policy_launch",
         "issuer", ["北京市市场监管局"]),
        # a policy issued and put in force, or a pilot issued and launched: the verbs are
        # no part of its name
        ("上海自贸区先后发布实施了数据出境管理办法，金融领域的负面清单也已出台。", "policy_launch",
         "policy", ["数据出境管理办法"]),
        ("国家数据局今天发布启动首批12家国有企业数据资源开发利用试点。", "policy_launch", "policy",
         ["首批12家国有企业数据资源开发利用试点"]),
        # a list of people with their ages in brackets is one list; a whole word for a
        # place (警察總部) holds no person
        ("黃之鋒（23歲）、林朗彥（25歲）及周庭（23歲），同被控一項罪。", "lawsuit", "defendant",
         ["黃之鋒", "林朗彥", "周庭"]),
        ("三人涉嫌包圍警察總部，被控煽惑罪。", "lawsuit", "defendant", None),
        # two parties a conjunction joins (主席同敏昂莱), not a name 同敏昂莱
        ("不久前，习近平主席同敏昂莱代总统举行了会晤。", "meeting", "counterpart", ["敏昂莱"]),
        ("不久前，习近平主席同敏昂莱代总统举行了会晤。", "meeting", "party", ["习近平"]),
        ("今年第11号台风“杨柳”于今天凌晨在台湾台东县太麻里乡沿海登陆。", "typhoon", "place", ["台湾台东县太麻里乡"]),
        # a contest taken part in and won; a prize-giving named just before the giving
        ("江家豐、李宗銘等10位參加全國龍眼蜂蜜評鑑也獲獎。", "award", "award", ["全國龍眼蜂蜜評鑑"]),
        ("市府舉辦「2025台南樂活市集星光1000頒獎典禮」，由市長黃偉哲親自頒獎給花園夜市。", "award", "award",
         ["2025台南樂活市集星光1000"]),
        # what is thrown at someone is an attack on them; a fire bomb thrown is one
        ("早上約8時50分，有人於校園內向警員掟磚及汽油彈，警方用最低武力驅散。", "attack", "target", ["警員"]),
        # a policy of measures keeps its head (…的政策措施), and a dated issue named in a
        # relative clause is one (湖南省在2022年12月发布的…实施意见)
        ("适时出台资本市场进一步支持高水平科技自立自强的政策措施。", "policy_launch", "policy",
         ["资本市场进一步支持高水平科技自立自强的政策措施"]),
        ("例如，湖南省在2022年12月发布的推动气象高质量发展的实施意见中也明确提出，积极发展金融。",
         "policy_launch", "policy", ["推动气象高质量发展的实施意见"]),
        # 与X的见面: X before the trigger is the counterpart
        ("会前，巡视组组长董桂文主持召开与市委书记张定超的见面沟通会，传达了省委有关巡视工作精神。",
         "meeting", "counterpart", ["张定超"]),
        # 访华 names where: a place in a later clause is no destination
        ("在澳大利亚贸易部长唐·法瑞尔结束为期两天的访华行程回国后，澳大利亚广播公司报道认为，中方并未作出让步。",
         "visit", "destination", None),
        # 考察调研 is one visit: its destination is where they came, not what they saw next
        ("党的十八大以来，习近平总书记多次来到天津考察调研，从产业园区到港口码头，总书记作出一系列重要指示。",
         "visit", "destination", ["天津"]),
        # the teams a count named, listed after the prize: the winners, not who gave it
        ("海報發表組共有3隊獲得優良菜單設計獎，分別是永信國小、億載國小及新南國小，各贏得2,000元獎金。",
         "award", "winner", ["永信國小", "億載國小", "新南國小"]),
    ],
)
def test_real_news_phrasings(nlp, text, event_type, role, expected):
    assert _roles(nlp, text, event_type).get(role) == expected


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("姚凯曾在上海闸北区、静安区等担任领导职务。", "appointment"),
        ("他将担任代言人。", "appointment"),
        # a step in a list of measures (…、采购绿证、…等多项举措) is one of the means named
        ("立讯精密通过自建屋顶光伏、直购绿色电力、采购绿证、绿色能源投资等多项举措，确保产品使用清洁能源。", "procurement"),
        # a kind in a list of kinds, its item of two words or the first item after a verb
        ("在全球气候变化的影响下，中国高温、干旱、暴雨洪涝、强台风等极端天气气候事件频次增加。", "flood"),
        ("面对风灾、地震、水灾等灾害。", "severe_weather"),
        # a way to buy offered to the public is no purchase
        ("即日起，台南現有的三種月票方案都可一次購買90天，長期使用TPASS月票更划算。", "procurement"),
        ("結合手機NFC功能提供線上購買方案、過卡及退票全方位服務功能。", "procurement"),
        # one must not leave, a rule states it, a purpose, business as usual
        ("取保候審期間，王婆婆可以回深圳寓所居住，但不得離開深圳。", "departure"),
        ("警方在2003年的指引，列明警方在法院範圍內進行拘捕行動，須先取得法庭許可。", "arrest"),
        ("撥款200億元，購置60個物業，以供設立超過一百三十項社福設施。", "founding"),
        ("一位居民称，当天幼儿园仍然正常开园，但是六一活动已被取消。", "opening"),
        # a placard, the early days after a founding, players named as a kind, finance capital
        ("王婆婆其後被押送回深圳的寓所搜查，被帶走雨傘、英國旗、示威牌等。", "protest"),
        ("董事方面，於成立初期，《立場》共有多名董事。", "founding"),
        ("更自113年全中運起增加全額補助資格賽晉級選手交通費、住宿費以及雜費補貼。", "advancement"),
        ("警方至少四度涉嫌闖入法院範圍行動。", "advancement"),
        ("杭州引导产业基金群撬动社会资本、金融资本，投向人工智能产业。", "financing"),
        # preventing an act is no act
        ("人員其後留守天橋，保持警方防線，阻止暴徒再向天橋下車輛投擲雜物。", "attack"),
        # a case filed for investigation is one event, a case filing, not an investigation too
        ("后当地警方以寻衅滋事为由立案调查。", "investigation"),
        # no one hurt, a burn ointment, a truce still under talks, leaving a call
        ("當晚閉路電視拍攝到兩名男子誤跨矮牆，幸沒有受傷。", "injury"),
        ("列车工作人员及时提供烫伤药和广播寻医。", "injury"),
        ("哈马斯官员表示，内塔尼亚胡是加沙地带停火协议的主要障碍。", "ceasefire"),
        ("哈马斯与以色列代表团在埃及举行的关于加沙地带停火协议间接谈判继续进行。", "ceasefire"),
        ("艾爾沃德一度表示聽不到問題，更突然退出通話。", "phone_call"),
        # things gone missing are no missing person
        ("卢浮宫博物馆当天发生抢劫事件，9件展品遭抢劫，其余下落不明的展品包括项链、胸针等。", "missing_person"),
        # joining a lawsuit, a drill or a rescue joins no organisation
        ("美国得克萨斯州总检察长宣布，多个州检方加入了之前针对谷歌垄断网络广告行业发起的反垄断诉讼。", "joining"),
        ("民防组织加入演练，加强关键基础设施防护。", "joining"),
        # products put on the market list no company (上市新产品)
        ("石药集团第一季度净利润14.7亿元。公司表示，未来三年预计将上市新产品60余个，其中市场空间超过人民币10亿元的品种不少于15个。", "listing"),
        ("当地通过科学调度、跨省互济等举措提升保供能力。", "policy_launch"),
        ("愿同各方加强合作。", "partnership"),
        ("臺南市政府警察局定期與各級學校合作辦理宣導活動。", "partnership"),  # a habit
        ("中方也愿同欧方开展人工智能领域政策沟通和务实合作。", "partnership"),  # a wish
        ("中国愿深度参与数字经济国际合作。", "partnership"),
        ("请向公安机关进行举报。", "whistleblowing"),
        # a request not to do it (請…勿, 莫做) tells no act
        ("請民眾勿做不實檢舉。", "whistleblowing"),
        # fruit in season comes to market, and a guide at a concert holds no post
        ("台南「青皮椪柑」鮮上市，黃偉哲上購物台叫賣。", "listing"),
        ("音樂會由知名音樂人林隆璇擔任導聆。", "appointment"),
        ("最高齡的湯壽先生擔任志工年資已經經歷三任市長。", "appointment"),  # 三任: three terms
        # things added into something (鈔票中加入…, 加入了多種…特徵) join no organisation
        ("滙豐銀行的鈔票中加入了新的動態效果。", "joining"),
        ("新鈔票加入了多種先進防偽特徵。", "joining"),
        # what a case relates to (與遊行有關的案件) is no happening told
        ("反釋法案是首宗與遊行有關的案件。", "protest"),
        # a march that breaks up disbands no body; marchers reaching its end visit nothing
        ("示威者一路向前走，隊伍最終在佐敦解散。", "dissolution"),
        ("下午4時許，遊行人士陸續抵達終點黃埔站A出口。", "visit"),
        # a ban frames its whole clause, however far the act banned stands
        ("商務部禁止美國企業向構成重大國家安全風險的外國電訊設備製造商進行採購。", "procurement"),
        ("也請外界莫做不實指控，以免誤導。", "accusation"),
        # taken away by someone else than the police
        ("游客被导游带走。", "arrest"),
        # the topic of a talk is no happening
        ("Compass集團今(15)日率團至市府拜會臺南市長黃偉哲，雙方對未來採購交換意見。", "procurement"),
        ("双方就合作交换意见。", "partnership"),
        # a ceremony alone names no prize given
        ("中国足协举行颁奖典礼。", "award"),
        ("市府今日舉辦「2025台南樂活市集星光1000頒獎典禮」。", "award"),
        # a system put into use opens nothing, nor does traffic resumed
        ("公司启用新的职级体系。", "opening"),
        ("大雨过后道路恢复通车。", "opening"),
        ("钉钉上线“消息直通车”功能。", "opening"),
        # 公开赛 holds no 开赛, 开学时 is a time
        ("正参加法国网球公开赛的塞尔维亚网球名将德约科维奇表示。", "opening"),
        ("让大班儿童在今年秋季学期开学时就能享受到政策红利。", "opening"),
        # 占 + 中部 is no 佔中, and 香港人 counts nobody
        ("高新技术产品占中部地区出口总值近三成。", "protest"),
        # 发布 followed by a comma tells news, a programme put on platforms is no product
        ("中华全国供销合作总社今天发布，今年前10个月，全国供销合作系统农资销售增长。", "product_launch"),
        ("节目还将在央视新闻、央视频、央视网等新媒体平台同步上线。", "product_launch"),
        ("国家统计局今天（7月31日）发布，2024年，以新产业为主的经济增加值增长6.7%。", "product_launch"),
        # 被淘汰 is a loss only: no win with the loser alone
        ("掘金队在4月25日进行的季后赛中被淘汰。", "match_win"),
        # the trigger word as the subject of what such things do, and a set phrase
        ("佩斯科夫回应说，制裁会给欧盟自身带来负面影响。", "sanctions"),
        ("需加强暴雨可能引发的次生灾害防范。", "rainstorm"),
        ("保持同人民群众的密切联系，深入开展调查研究。", "investigation"),
        # a possibility discussed is no event
        ("被拘留者讨论了杀害索洛维约夫的可能性。", "attack"),
        ("佩斯科夫表示，不排除普京与威特科夫会面的可能性。", "meeting"),
        # the most a law allows, advice, a team, a plan, a document speaking, market statistics
        ("各人均被控一項罪，最高刑期是監禁10年。", "imprisonment"),
        ("行前注意购买旅游人身安全保险。", "procurement"),
        ("民間集會團隊發言人劉頴匡昨日表示不滿。", "protest"),
        ("通过多次磋商、演练，最终确定抓捕方案。", "arrest"),
        ("起訴書指控被告與伊朗維持商業往來。", "lawsuit"),
        ("長達54頁的 起訴書 指，華為觸犯多項罪行。", "indictment"),
        # a forecast raised, a habit, a figure of speech, a market returning to a state, a
        # customer-service formula, a post as the time frame of something else
        ("世界银行上调中国今年经济增速预期至5.6％。", "price_increase"),
        ("海上交通事故时有发生。", "traffic_accident"),
        ("贯彻落实党中央重大决策部署打折扣、搞变通。", "price_cut"),
        ("中信证券预计节后市场将回归轮动慢涨的均衡状态。", "joining"),
        ("给您带来不便敬请谅解，感谢您的理解与支持！", "thanks"),
        ("1996年，他擔任財政司司長時，被指幫助長子。", "appointment"),
        ("在胡进和陈忠和担任主教练期间，赖亚文一直作为助教随队出征。", "appointment"),
        # 获悉 is no prize, nor is a ceremony
        ("警方获悉后立即赶到现场。", "award"),
        ("颁奖典礼今晚在台北举行。", "award"),
        ("融资客加仓，重金砸向电气设备、有色、电子等板块。", "financing"),
        ("电气设备板块以75.03亿元融资净买入额居第一。", "financing"),
        ("求職時記得主動蒐集求職公司的背景資料。", "award"),
        ("公司发布关于股东减持计划的公告。", "policy_launch"),  # a company's notice is no policy
        ("華為向獲得機密資訊的僱員作出財務獎勵。", "award"),  # a bonus is pay, no prize
        # a forecast revised, named before the verb; a wave of hikes; a sum of purchases
        ("世界银行把世界经济增速预期从今年1月期报告中的1.7%上调至2.1%。", "price_increase"),
        ("欧元区今年经济增速预期被上调至0.4%。", "price_increase"),
        ("全球央行加息潮引发的信贷环境收紧，将导致企业投资下降。", "rate_hike"),
        ("按首年约定采购量计算，本批国采采购额为216亿元。", "procurement"),
        ("郭文海示意工作人员，把他的手机号码通过现场直播发布出去。", "product_launch"),
        # a career step of a bare common noun is a habit, no one's step (see
        # test_a_singled_out_common_noun_still_steps)
        ("也有護士退休後想繼續工作，故透過中介公司尋求其他工作。", "departure"),
        ("及後防暴警察加入增援。", "joining"),
        ("多年來都只能擔任非學位教師的職位。", "appointment"),
        # a ministry's guideline is no product
        ("近日，商务部等8部门联合推出大力发展数字消费的指导意见。", "product_launch"),
        # a stock near its limit has not reached it
        ("粤海饲料逼近跌停。", "limit_down"),
        ("该股盘中一度接近涨停。", "limit_up"),
        # a call to carry a plan out is no plan issued
        ("加强成果共享，实施好“一带一路”科技创新行动计划。", "policy_launch"),
        # quoted words that are no product are none
        ("一系列补短板的专项规划陆续发布，“三农”发展的关键问题得到重视。", "product_launch"),
        ("此次发布的兵种军旗以八一军旗为基础设计。", "product_launch"),  # 此次 with nothing before it
        # an interview by video link, a person leaving a place or walking away
        ("唐若韞於去年3月播出的《The Pulse》節目中，以視像訪問世衛助理總幹事艾沃德，追問世衛會否重新考慮台灣的會員資格。", "visit"),
        ("他被捕超過30小時後，離開新屋嶺再被送到一間警署，隨即面臨提堂。", "departure"),
        ("社工陳虹秀說，她之後在新屋嶺被放走，獨自一人離開，行了5至10分鐘山路。", "departure"),
        # how a policy works, not its coming into force
        ("李强强调，要进一步提升宏观政策实施效能。", "policy_launch"),
        ("大规模设备更新和消费品以旧换新政策实施一年多来成效明显。", "policy_launch"),
        # a kind of sanctioned country, a will to sanction
        ("起訴書指控被告與伊朗和北韓等被美國、歐盟或聯合國制裁的國家維持商業往來。", "sanctions"),
        ("德国总理默茨称，美国不应低估欧盟采取反制措施的意愿。", "sanctions"),
        # investment as a kind or a prospect, or a thing put into use
        ("世界投资者对中国投资严重不足，同时，中国投资者对世界的投资也不足。", "investment"),
        ("加拿大政府官员首次澄清中资企业对加矿产企业投资的未来前景。", "investment"),
        ("空客天津总装线于2008年投入运行。", "investment"),
        ("该法案将拒绝加拿大政府认为对其国家安全构成威胁的外国投资。", "investment"),
        # a purchase whose buyer only an earlier sentence names: a statistic, not a deal
        ("国家税务总局最新增值税发票数据显示，设备更新成效明显。2024年4月至2025年7月，全国企业采购机械设备类金额同比增长7.3%。", "procurement"),
        # a launch verb as a modifier of no product: a mode, a forecast
        ("而余承东主导推出的智选车模式，则帮助赛力斯起死回生。", "product_launch"),
        ("蓝色光标发布的2022年年度业绩预告显示，净利润下降。", "product_launch"),
        # a post left, held or named as a kind of officer: no one takes it up
        ("感謝局長及卸任副局長、分局長等同仁對本市治安的付出。", "appointment"),
        ("他现任公司董事长。", "appointment"),
        ("2005年他任政務司司長時，被指幫助長子。", "appointment"),
        # an anniversary celebrated tells no founding (an age does: see test_event_time)
        ("中国常驻联合国代表团举行招待会，庆祝中华人民共和国成立76周年。", "founding"),
        # what a rule may impose, however far into its clause (a number's comma is none)
        ("違例者一經定罪，最高刑罰為監禁1年或罰款2.5萬元。", "fine"),
        ("如不遵從強制檢測令可被罰款25,000元及監禁半年。", "imprisonment"),
        ("否則可被罰款2,000元，再不遵從則可罰款25,000元、判監半年。", "imprisonment"),
        # prone to it, a chance of it, even if it: no happening
        ("臺南市易淹水面積占全國1/3。", "flood"),
        ("不同民調顯示，朝野雙方都有機會勝出。", "match_win"),
        ("即使勝出大選，國民陣線的黨員仍會質疑納吉。", "match_win"),
        # a pre-trial review is no hearing; leaving a place after a stay no departure
        ("林淳軒吳文遠反釋法示威案　10月13日預審", "hearing"),
        ("劉業強及侯志強今早在古洞公立愛華票站逗留10分鐘後離開。", "departure"),
        # a team sent to help gives nothing
        ("臺南市搜救隊馳援花蓮。", "donation"),
        # a wish to join hands is none
        ("希望双方携手合作推动产业发展。", "partnership"),
        # other senses: a press briefing, opening hours, a new journey, a warrant card, a
        # regression, a kind among means
        ("港府下午3時會見傳媒交代。", "meeting"),
        ("纪念馆延长开馆时间、增加讲解场次。", "opening"),
        ("迈上新的征程，广大干部群众表示要更加紧密地团结。", "product_launch"),
        ("健視人士尚能憑委任證判斷對方身份。", "appointment"),
        ("對特首民望數字作迴歸分析。", "joining"),
        ("财政部对资产评估机构采取约谈、风险提示函等方式进行监管。", "summons"),
        # a power, a need, a difficulty; a post held now; a jury discharged; an idiom
        ("教育局可以直接委任校董加入一所學校的校董委員會。", "joining"),
        ("經濟弱勢的聽力障礙者仍很難購買一部助聽器。", "procurement"),
        ("认购方需要另行支付0.95元/股用于购买不良资产。", "procurement"),
        ("目前出任樹仁大學新傳系系主任的梁天偉表示。", "appointment"),
        ("法官宣布解散陪審團。", "dissolution"),
        ("跟隨許智峯可算「出生入死」。", "childbirth"),
        ("讚揚朱經緯臨近退休，仍到前線執勤。", "departure"),
        # advice; an incurable disease; 开审 inside 公开审判 (a trial told as a whole)
        ("建議市民朋友親自前往市場參觀。", "visit"),
        ("他患上不治之症。", "death"),
        ("1956年最高人民法院特别军事法庭对45名日本战犯公开审判。", "hearing"),
        # an object put as a comparative: an aim
        ("我们将实施更加积极有为的宏观政策。", "policy_launch"),
        ("预计欧盟将对在中国制造的汽车征收更高的进口关税。", "tariff"),
        ("市府会持续规划設立更多的全民運動中心。", "founding"),
        ("推出更多精品旅游线路和旅游产品。", "product_launch"),
    ],
)
def test_real_news_non_events(nlp, text, event_type):
    assert event_type not in [e.type for e in _events(nlp, text)]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("该厂昨晚发生火灾。", "fire"),
        ("两车相撞，造成交通事故。", "traffic_accident"),
        # a list of named participants, and happenings listed without 等, stay
        ("国务院新闻办邀请来自美国、德国、西班牙等国家的近30名记者走进青海。", "invitation"),
        ("该地区发生地震、海啸，造成3人死亡。", "earthquake"),
        ("他在半决赛3比1淘汰赛前世界排名第二的选手。", "match_win"),
        # Hong Kong and Taiwan words
        ("沙田一名男子昨日在泳池遇溺。", "drowning"),
        ("暴雨导致台南多处淹水。", "flood"),
        ("曾志健被落案起诉一项暴动罪。", "indictment"),
        ("荃湾二坡坊昨晚发生斩人案，一名男子被斩伤。", "attack"),
        ("警方已对此事立案侦查。", "case_filing"),
        ("一架直升机坠落在山区。", "plane_crash"),
        ("董事会同意免去徐雄董事、董事长及第五届董事会战略委员会主任委员、审计委员会委员、提名委员会委员职务。", "dismissal"),
        ("湖南省人大常委会罢免了雷冬竹的全国人大代表职务。", "dismissal"),
        ("该队闯入决赛。", "advancement"),
        ("俄军24日打击乌军目标。", "attack"),
        ("张培萌殴打岳母。", "attack"),
        # a protest movement named as Hong Kong news names it
        ("他們各自在反修例運動的警民衝突中被控暴動罪。", "protest"),
        ("早在2014年佔中期間，他已表態支持。", "protest"),
        # Hong Kong's 落區 (a visit to a district) and 到庭 (a court session attended)
        ("林鄭月娥今日落區天水圍，與居民傾談。", "visit"),
        ("他於案發時擔任張超雄的助理，今日張亦有到庭旁聽。", "hearing"),
        # a school opens, a remarriage, a separation, a taking of office
        ("香港科技大学（广州）建成开学。", "opening"),
        ("因其生母和父亲离婚，生母再婚后，张某跟随生母一起生活。", "marriage"),
        ("2020年7月，张培萌与妻子漠寒分居。", "breakup"),
        ("布林肯2021年1月上任国务卿。", "taking_office"),
        # a tariff told with its verb a few words before the duty; it is a kind of policy
        ("美国方面称将自8月1日起对巴西商品征收50%的关税。", "tariff"),
        # a killing is an attack
        ("6月23日，靳创民在永城市新城区杀害一女子后逃跑。", "attack"),
        ("以军称打死一名黎真主党后勤指挥官。", "attack"),
        ("他当选总统后访问了中国。", "election"),
        ("连续高强度降雨引发山洪、泥石流等灾害，死亡人数上升至4人。", "flood"),
        ("浙江队的吴易昺战胜北京队的商竣程夺得男子单打金牌。", "championship"),
        ("受强降雨影响，多地出现城市内涝、洪水倒灌等情况。", "flood"),
        ("官田國中於第5屆首次拿下教育部藝術教育貢獻獎。", "award"),
        ("余澎杉一直被美國移民當局扣留。", "arrest"),
        ("哈达德当天结束对土耳其的访问后乘坐公务机返回。", "visit"),
        ("习近平主席对俄罗斯进行的访问是一次友谊之旅。", "visit"),
        ("安瓦尔表示，习近平主席对马来西亚的国事访问非常成功。", "visit"),
        ("张培萌继续向法院提起行政诉讼，请求判令撤销处罚决定。", "lawsuit"),
        ("美国对多名欧洲人员实施签证限制。", "sanctions"),
        ("警方在閉路電視片段中看到被告容貌，稍後捕獲他。", "arrest"),
        # a court's session that passes sentence or reads its ruling is a hearing
        ("案件今日在區域法院判刑。", "hearing"),
        ("案件今日在高等法院宣讀結果。", "hearing"),
        # a head noun that begins a body's name (教育局) is no topic the trigger modifies
        ("億載國小能夠得獎，感謝教育局支持。", "thanks"),
        # Hong Kong's 加控 (a further charge), a short 被拘, a fall to death
        ("昨天有12人被加控暴動罪。", "lawsuit"),
        ("该男子因涉嫌诈骗被拘，警方正在调查。", "arrest"),
        ("中国女游客在印尼火山坠亡。", "death"),
        ("《长安吟咏》等短视频同日启播。", "film_release"),
        ("某公司宣布上调产品价格10%。", "price_increase"),
        ("梅西宣布回归巴萨。", "joining"),
        ("林奮強也擔任林鄭月娥的政策顧問之一。", "appointment"),
        # a cooperation told with what is done together, or ending its clause
        ("臺南市政府與臺南高商體育館經營廠商合作升級軟、硬體設備。", "partnership"),
        ("联合体已开始与北京故宫博物院展开合作，以确定其各自藏品的来源。", "partnership"),
        # 交易 holds 易 (prone to) without being it
        ("控股股东于8月28日通过大宗交易减持公司股份340万股。", "stake_reduction"),
        # 印发 issues a document, named or not
        ("财政部印发通知加强资产评估行业联合监管工作。", "policy_launch"),
        # Tainan's words: a commendation, a gold taken, a fine, agencies joining hands, a
        # meeting that opens, a sum spent on a building, a body named by its kind
        ("臺南市搜救隊任務完成，市長黃偉哲給予溫馨榮歸嘉勉。", "praise"),
        ("臺南市代表隊選手馬忠梅在女子組團體賽摘下金牌。", "championship"),
        ("環保局亦稽查蒐證開罰1張、裁罰金額新臺幣6,000元。", "fine"),
        ("臺南市政府財政稅務局與嘉義縣財政稅務局攜手合作推動「稅務咱尚通」服務。", "partnership"),
        ("全球文明对话部长级会议10日在北京开幕。", "opening"),
        ("行政院國軍退除役官兵輔導委員會遂斥資16.41億元辦理遷建。", "investment"),
        ("臺南市成立自主更新輔導團，積極協助社區申請。", "founding"),
        ("帮助其成立“郭玉杰大师工作室”，坚定了她的信心。", "founding"),
        # 可以 of a remark (可以看到) is no power, 建议下 (on one's advice) no advice
        ("可以看到，公司已经裁员200人。", "layoff"),
        ("马克龙刚在勒科尔尼建议下任命了新内阁主要成员。", "appointment"),
        # pronounced dead, a retrial, a ship sunk, approval
        ("22歲科大學生周梓樂從停車場墮下重傷，昨日宣告不治。", "death"),
        ("曾蔭權被控的行政長官接受利益罪，9月25日開始重審。", "hearing"),
        ("哥伦比亚总统谴责美国此前击沉委内瑞拉船只。", "attack"),
        ("衛生局榮獲八項保健業務績優獎，市長讚許成效卓越。", "praise"),
        # a works contract let out
        ("臺南市政府水利局立即發包結構補強工程。", "procurement"),
        # a speech act may ask for more
        ("他感谢多国承认巴勒斯坦国，呼吁更多国家加入。", "call_for"),
        ("公司推出更新版本的应用。", "product_launch"),
    ],
)
def test_the_happening_itself_stays(nlp, text, event_type):
    assert event_type in [e.type for e in _events(nlp, text)]


def test_an_event_named_as_the_topic_of_an_attitude_is_the_one_told_before(nlp):
    text = "中国代表严厉谴责以色列袭击卡塔尔，对袭击事件可能导致局势紧张升级深感忧虑。"
    (event,) = [e for e in _events(nlp, text) if e.type == "attack"]
    assert (event.roles.get("perpetrator"), event.roles.get("target")) == (["以色列"], ["卡塔尔"])


def test_what_one_trigger_takes_as_its_object_does_not_do_the_next(nlp):
    """感谢A的专业，感谢B: A is thanked by the speaker, who thanks B too."""
    text = "市長黃偉哲表示，感謝臺南市搜救隊的專業及勇氣，感謝大家無私的付出及奉獻。"
    thankers = [e.roles.get("thanker") for e in _events(nlp, text) if e.type == "thanks"]
    assert thankers and all(t == ["黃偉哲"] for t in thankers)


def test_works_named_by_different_titles_are_different_events(nlp):
    """Two rules issued in one sentence are two launches; 《条例》, as it is called later, is
    the one named in full before."""
    two = "中央政法委印发《领导干部干预司法活动的记录规定》，中央政法委印发《司法机关内部人员过问案件的记录规定》。"
    assert len([e for e in _events(nlp, two) if e.type == "policy_launch"]) == 2
    one = "中共中央近日印发修订后的《中国共产党工作机关条例》（以下简称《条例》）。《条例》的印发实施，意义重大。"
    assert len([e for e in _events(nlp, one) if e.type == "policy_launch"]) == 1


def test_who_accepts_a_donation_never_gave_it(nlp):
    text = "臺南市社會局盧禹璁局長代表黃偉哲市長接受捐贈。"
    donors = [e.roles.get("donor") for e in _events(nlp, text) if e.type == "donation"]
    assert ["黃偉哲"] not in donors


def test_a_plan_as_a_document_is_no_future(nlp):
    text = "新市12公頃附帶條件農業區都市計畫案審議通過。"
    (event,) = [e for e in _events(nlp, text) if e.type == "policy_launch"]
    assert event.status == "happened"


def test_a_tariff_is_a_kind_of_policy(nlp):
    (event,) = [e for e in _events(nlp, "美国商务部宣布对墨西哥番茄征收反倾销税。") if e.type == "tariff"]
    assert (event.trigger.text, event.broader) == ("征收", "policy_launch")


@pytest.mark.parametrize(
    ("text", "event_type", "status"),
    [
        # a negation of the whole clause reaches past a long 就…向… phrase
        ("张波的家人从未就这起命案向陈美霖表达歉意。", "apology", "denied"),
        ("至今未有人就这起事件向公众道歉。", "apology", "denied"),
        # 将 before its object marks the object, not the future
        ("苹果上月将所有旧款手机下架。", "delisting", "happened"),
        # 而非: rather than, no such event
        ("俄方寻求的是真正的和平，而非临时停火。", "ceasefire", "denied"),
        # 将 before a preposition is the future
        ("苹果将与三星的代表于下月举行会谈。", "meeting", "planned"),
        # 原定: planned once
        ("林鄭月娥原定昨日落區天水圍，但最終甩底。", "visit", "planned"),
        # 疑被: a suspicion, reported
        ("山西10岁失联男孩疑被生母和继父杀害。", "attack", "reported"),
        # a denial told after the trigger
        ("网易回应大规模裁员：消息不实，系正常业务调整。", "layoff", "denied"),
        ("网易回应大规模裁员：系正常业务调整。", "layoff", "happened"),
        # the words of a document's title are no cue
        ("省发展改革委编制完成《安徽省2021年重点项目投资计划》并印发实施。", "policy_launch", "happened"),
        ("省发展改革委计划印发《安徽省重点项目投资清单》。", "policy_launch", "planned"),
    ],
)
def test_status_of_a_clause(nlp, text, event_type, status):
    (event,) = [e for e in _events(nlp, text) if e.type == event_type]
    assert event.status == status


@pytest.mark.parametrize("text", ["該名護士昨日退休。", "一名护士上月从医院离职。"])
def test_a_singled_out_common_noun_still_steps(nlp, text):
    assert "departure" in {e.type for e in nlp(text, published="2025-06-01").events}


def test_a_march_is_one_trigger(nlp):
    """上街遊行 is the march itself: one trigger, which a gold 遊行 overlaps."""
    (event,) = [e for e in nlp("也有一些組織上街遊行，聲言要抵制聖誕。").events if e.type == "protest"]
    assert event.trigger.text == "上街遊行"


@pytest.mark.parametrize(
    ("text", "event_type", "status"),
    [
        ("C罗回归曼联。", "joining", "happened"),  # a return to a club is a joining
        ("中国女排3比0战胜日本队。", "match_win", "happened"),
        ("张伟将出任国家统计局局长。", "appointment", "planned"),  # a step to come still is one
    ],
)
def test_a_return_to_a_club_a_win_and_a_planned_step_are_events(nlp, text, event_type, status):
    assert [e.status for e in nlp(text).events if e.type == event_type] == [status]


@pytest.mark.parametrize(
    ("text", "event_type", "role", "expected"),
    [
        # a party committee's post is one title; the organisation is the one it sits in
        ("王江辞去光大集团党委书记职务。", "departure", "organization", ["光大集团"]),
        ("王江辞去光大集团党委书记职务。", "departure", "position", ["党委书记"]),
        ("2025年5月，王海涛任吕梁市城市管理局党组书记、局长。", "appointment", "position", ["党组书记", "局长"]),
        # a city's party committee (市委) is an organisation of its own
        ("2021年10月，郭文海任中山市委书记。", "appointment", "organization", ["中山市委"]),
        # a Hong Kong magistracy is named by its district (西九龍, not 九龍)
        ("郭永健今午在西九龍裁判法院提堂。", "hearing", "court", ["西九龍裁判法院"]),
        # 中欧 of 中欧关系 is China and the EU, no place (Central Europe)
        ("习近平主席同两位主席举行了会见，就进一步深化中欧关系达成重要共识。", "meeting", "place", None),
        # hosts who chair a summit together: the one before 同 and the ones after it
        ("国务院总理李强同欧洲理事会主席科斯塔、欧盟委员会主席冯德莱恩共同主持第二十五次中国—欧盟领导人会晤。",
         "meeting", "party", ["李强"]),
        ("李强同科斯塔、冯德莱恩共同主持中欧领导人会晤。", "meeting", "counterpart", ["科斯塔", "冯德莱恩"]),
        # what a strike hits is named after the verb, with its head noun
        ("俄军在多个方向打击乌军目标。", "attack", "target", ["乌军目标"]),
        ("乌军使用国产远程武器打击俄罗斯境内目标。", "attack", "target", ["俄罗斯境内目标"]),
    ],
)
def test_posts_courts_hosts_and_targets(nlp, text, event_type, role, expected):
    assert _roles(nlp, text, event_type).get(role) == expected


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a project or a letter of intent named by the step (定增项目, 收购意向书) is no step
        ("不少公司定增项目出现破发。", "financing"),
        ("控股股东与新疆天正签订了股票收购意向书。", "acquisition"),
        ("天邦股份公告，鄄城丝路东方光伏农业有限公司100%股权在山东产权交易中心挂牌，公司拟以公开摘牌方式参与此次股权转让项目，拟摘牌价格为人民币7.37亿元。",
         "divestment"),
        # former staff (离职人员) are no one leaving
        ("证监会向保荐机构开放离职人员信息比对。", "departure"),
    ],
)
def test_a_project_a_letter_of_intent_or_former_staff_is_no_event(nlp, text, event_type):
    assert _events(nlp, text, event_type) == []


def test_missing_people_are_still_missing(nlp):
    # 失联人员 with a count tells who went missing (DuEE annotates it so)
    (event,) = _events(nlp, "截至29日3时，10名失联人员已全部找到。", "missing_person")
    assert event.roles.get("missing") == ["10名"]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # what one can do once a condition is met (就可購得, 即可领取) is no happening
        ("農業局也提醒民眾購買時，認明蜂產品瓶身上的國產蜂產品證明標章及產銷履歷農產品標章，就可購得真正的國產優質蜂蜜。",
         "acquisition"),
        # leaving a room to talk is no one leaving a post
        ("佛雷克一度離開會議室與部分民主黨議員談話。", "departure"),
    ],
)
def test_a_consequence_or_leaving_a_room_is_no_event(nlp, text, event_type):
    assert _events(nlp, text, event_type) == []


def test_leaving_a_party_is_still_a_departure(nlp):
    (event,) = _events(nlp, "2019年，他宣布离开民主党。", "departure")
    assert event.roles.get("organization") == ["民主党"]
