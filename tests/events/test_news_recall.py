"""Word senses and phrasings of the base-layer templates measured on real news (issue 16):
for each class, a made-up sentence that yields the event with its roles, and a near miss
(another sense of the word, a biography, a call, a risk, a legal maximum) that must not."""

from __future__ import annotations

import pytest

from tests.events.conftest import news_events as _events
from tests.events.conftest import news_roles as _roles


@pytest.mark.parametrize(
    ("text", "event_type", "role", "expected"),
    [
        # a grade won in a contest named in quotes (榮獲第二類「…」教案競賽唯一特優)
        ("其中土城國小榮獲第二類「教育元宇宙示範學校」教案競賽唯一特優。", "award", "award",
         ["第二類「教育元宇宙示範學校」教案競賽唯一特優"]),
        # a lawyer arrested is arrested (only counsel is a court officer), and a chain of
        # titles (主席、資深大律師) ends in the one name it gives
        ("81歲的民主黨創黨主席、資深大律師李柱銘周六（18日）被捕。", "arrest", "arrested", ["李柱銘"]),
        # a patient (病人) is a person named by a common noun
        ("他服務的醫院有病人在流感快速測試中呈陰性，惟等候結果期間已告身亡。", "death", "deceased", ["病人"]),
        # 出生 is a baby born
        ("王女士的女儿昨天在医院顺利出生。", "childbirth", "parent", ["女儿"]),
        # 对X进行…访问: the country before the trigger is the destination
        ("李明3日对法国进行国事访问。", "visit", "destination", ["法国"]),
        ("李明3日对法国进行国事访问。", "visit", "visitor", ["李明"]),
        # 访问 of a place is still a visit
        ("王刚访问德国。", "visit", "destination", ["德国"]),
        # a leader arrives
        ("王刚乘专机抵达莫斯科。", "visit", "destination", ["莫斯科"]),
        # a memorial paid respects at
        ("同日，王刚还参谒了中朝友谊塔。", "visit", "destination", ["中朝友谊塔"]),
        # 亮相 of a product
        ("小米汽车在北京车展亮相。", "product_launch", "company", ["小米"]),
        # 加入 an organisation
        ("前锋王强将加入上海申花。", "joining", "organization", ["上海申花"]),
        # 挺进 a round of a competition
        ("中国女排挺进决赛。", "advancement", "advancer", ["中国女排"]),
        # 跳水 of a price
        ("今年以来，碳酸锂价格跳水。", "price_cut", "item", ["碳酸锂"]),
        # 成立 of an institution, also as a clause of its own
        ("2019年9月，华为正式成立智能汽车事业部。", "founding", "founder", ["华为"]),
        ("1949年10月，华东军政委员会成立，统一领导当地工作。", "founding", "organization", ["华东军政委员会"]),
        ("2013年，张伟创立了自己的影视制作公司。", "founding", "organization", ["自己的影视制作公司"]),
        # a draft rule put out for comment, a programme named in quotes, policies that come out
        ("4月11日，市网信办就《网络直播管理办法（征求意见稿）》公开征求意见。", "policy_launch", "policy",
         ["《网络直播管理办法（征求意见稿）》"]),
        ("今年，市图书馆开启“晨读计划”，部分自习区提前开放。", "policy_launch", "policy", ["晨读计划"]),
        ("市商务局11日就网络直播营销管理措施正式公开征求意见。", "policy_launch", "policy", ["网络直播营销管理措施"]),
        ("进入8月份，一系列惠民生、促消费的重大政策陆续出台。", "policy_launch", "policy",
         ["一系列惠民生、促消费的重大政策"]),
        # a discount given, money raised with a takeover or by a private placement
        ("书城给予购书者七五折优惠。", "price_cut", "magnitude", ["七五折"]),
        ("星河股份并募集配套资金总额不超过9亿元。", "financing", "amount", ["不超过9亿元"]),
        ("中国提出全球治理倡议。", "policy_launch", "issuer", ["中国"]),
        ("美联储宣布降息25个基点。", "rate_cut", "magnitude", ["25个基点"]),
        ("英国正式脱欧。", "withdrawal", "withdrawer", ["英国"]),
        # a prison term
        ("张某因受贿罪被判处有期徒刑三年。", "imprisonment", "term", ["三年"]),
        # adverbs between a structure and its collapse
        ("视频中显示，一座厂房顶棚已经完全垮塌至地面。", "collapse", "structure", ["一座厂房顶棚"]),
        # 会师 in a final
        ("两支英超队伍将会在决赛当中会师。", "advancement", "competition", ["决赛"]),
        # money put into building something: what is built
        ("星河公司表示，将投资150亿美元在美国建立先进的封装设施。", "investment", "target", ["先进的封装设施"]),
        # an election won
        ("杨某当选市足协主席。", "appointment", "position", ["主席"]),
        # 被判加刑: the sentence increased
        ("三人被判加刑，即时监禁六至八个月。", "imprisonment", "term", ["六至八个月"]),
        # 表达歉意 is an apology
        ("王某从未向陈某表达歉意。", "apology", "recipient", ["陈某"]),
        # a term is years of prison, not the year of the date
        ("张某2021年被判处有期徒刑三年。", "imprisonment", "term", ["三年"]),
        ("张某被判处15年有期徒刑。", "imprisonment", "term", ["15年"]),
        # 离开 an organisation
        ("张伟2020年离开腾讯。", "departure", "organization", ["腾讯"]),
        # 诉讼 filed
        ("李某向法院提起诉讼。", "lawsuit", "plaintiff", ["李某"]),
        # 缉拿归案 is an arrest
        ("警方将犯罪嫌疑人王某缉拿归案。", "arrest", "arrester", ["警方"]),
        # a title in quotes is the award
        ("赵刚荣获“优秀教师”称号。", "award", "award", ["优秀教师"]),
        # 双开 and 免去…职务 are dismissals
        ("原主任王某被“双开”。", "dismissal", "dismissed", ["王某"]),
        # a venue opened
        ("星河集团将在附近岛屿开放新基地。", "opening", "organization", ["星河集团"]),
        # A与B举行会议: a meeting of two named sides
        ("外交部长王刚15日与德国外长举行会议。", "meeting", "party", ["王刚"]),
        # a sponsor gives
        ("阳光集团赞助了本届马拉松。", "donation", "donor", ["阳光集团"]),
        # a call to the police is a report; whom 向 opens (a list too) is no reporter
        ("车主陈某报警后，警方调取了监控。", "whistleblowing", "reporter", ["陈某"]),
        ("王某已向网信办、公安部门报警。", "whistleblowing", "reporter", ["王某"]),
        ("父母随即向当地公安局报案。", "whistleblowing", "reporter", ["父母"]),
        # an organisation founded by its kind, or named in quotes after it
        ("1980年，王某回到家乡，创办了当地第一家金刚石加工企业。", "founding", "organization", ["当地第一家金刚石加工企业"]),
        ("王某先后创办民办博物馆“星河古兵器博物馆”和“星河石刻博物馆”。", "founding", "organization", ["星河古兵器博物馆"]),
        ("星河自卫队去年也成立了其太空作战部队。", "founding", "organization", ["太空作战部队"]),
        # an adverb after 感谢 is how they helped, not who is thanked
        ("她感謝一直支持她的同行者。", "thanks", "thanked", None),
        # a venue named after a person is a body too (葉石濤|文學紀念館), with a 國立 before it
        ("葉石濤文學紀念館與2024臺南文學季合作，結合主題「致臺南的情書」。", "partnership", "party", ["葉石濤文學紀念館"]),
        ("國立臺灣文學館與臺南市政府合作，推出文學展。", "partnership", "party", ["國立臺灣文學館"]),
        # only a court or a tribunal is a hearing's court: 人民法院, not a police station
        ("此后哈尔滨市道里区人民法院、哈尔滨市中级人民法院先后开庭。", "hearing", "court",
         ["哈尔滨市道里区人民法院", "哈尔滨市中级人民法院"]),
        ("他被送到一間警署，隨即面臨提堂。", "hearing", "court", None),
        ("郭永健等人上訴至終院，案件今日再訊。", "hearing", "court", None),  # 上訴至終院: where the appeal went
        ("調查委員會明日復訊。", "hearing", "court", ["調查委員會"]),
        # a case's name without its quotes; what is said of another case names none
        ("「七警案」發生至今超過兩年，今日終在灣仔區域法院裁決。", "hearing", "case", ["七警案"]),
        ("案件今同樣在西九龍法院再訊，辯方表示范因另案不准保釋。", "hearing", "case", None),
        # what a name owns is the target, not the name (乌军目标)
        ("俄军在多个方向对乌军目标实施集群打击。", "attack", "target", ["乌军目标"]),
        # a toll whose people are named by a longer word (10名巴勒斯坦人死亡)
        ("以军对加沙地带多地发动空袭，造成至少10名巴勒斯坦人死亡。", "attack", "deaths", ["10名"]),
        # a range is one term, one sum (判囚六至八個月, 18亿-22亿元: the lower end has no unit)
        ("其中三人被判囚六至八個月。", "imprisonment", "term", ["六至八個月"]),
        ("比亚迪预计一季度净利润18亿-22亿元。", "earnings", "amount", ["18亿-22亿元"]),
        # 至 a place to inspect it (特別至佳里區視察): where the visit went
        ("今日一早主任陈明亦特別至佳里區視察採檢站運作情況。", "visit", "destination", ["佳里區"]),
    ],
)
def test_the_event_with_its_role(nlp, text, event_type, role, expected):
    assert _roles(nlp, text, event_type).get(role) == expected


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("王某（男，汉族，1976年3月9日出生）。", "childbirth"),
        ("王芳在美国出生，后来回国工作。", "childbirth"),
        ("他讲完后说：“我就说这么多，谢谢。”", "thanks"),
        ("国务院推出了关键芯片法案《芯片与科学法案》。", "product_launch"),
        ("星河公司的《中国的能源转型》白皮书发布。", "product_launch"),
        ("气象台发布暴雨黄色预警信号，并及时更新发布暴雨橙色、红色预警信号。", "product_launch"),
        ("新模型在发布前是否应经过认证程序？", "product_launch"),
        ("市纪委监委发布了王某涉嫌严重违纪违法、接受审查调查的消息。", "product_launch"),
        ("田某将首次亮相国际职业赛场，参加新加坡青少年冠军赛J30。", "product_launch"),
        ("特朗普接受英国传媒访问，谈及伦敦之行。", "visit"),
        ("星河科考船“向阳红09”号抵达马尔代夫的同一天，印度海岸警卫队的船也抵达了这个群岛。", "visit"),
        ("这名球员即将归化加入中国籍。", "joining"),
        ("欢迎更多市民加入志愿者行列。", "joining"),
        ("跳水奥运冠军田某的女儿获得外卡，参加新加坡青少年冠军赛J30。", "price_cut"),
        ("部队挺进苏浙皖边，开展攻势作战。", "advancement"),
        ("教育局联合镇政府成立工作专班，深入调查核实。", "founding"),
        ("法官认为，第一项煽动罪不成立。", "founding"),
        ("法院以故意杀人罪判处张某死刑。", "imprisonment"),
        ("英国过往有案例，最高可以判处两三年监禁。", "imprisonment"),
        ("2021年12月28日，市中级人民法院一审宣判：以故意杀人罪判处张某死刑。", "imprisonment"),
        ("他通常会在角落里坐一会儿，然后就离开。", "departure"),
        ("财新报道揭发两家公司串谋围标。", "whistleblowing"),
        # the police taking a call, a form, a hotline: no report made
        ("1月7日，我局接到群众邓某报警称，朋友情绪反常。", "whistleblowing"),
        ("《报警案件登记表》显示，4车相撞。", "whistleblowing"),
        ("如遇诈骗，可拨打报案专线110。", "whistleblowing"),
        ("他说要成立一个“快乐”的团队。", "founding"),
        ("中方同各方合作，推进高质量共建“一带一路”。", "partnership"),
        ("各部门透过专业分工与横向合作，建构更绵密的支持系统。", "partnership"),
        # readiness and habit: no happening (随时启动, 往年动辄淹水)
        ("环保局也会依照空气品质变化，随时启动相关应变措施。", "policy_launch"),
        ("往年动辄淹水的情景已不复见。", "flood"),
        # steps offered as alternatives are a kind, no one's (离职或撤职, 退休或不续任)
        ("她指，離職或撤職的港鐵高層人員，會按聘用合約處理。", "departure"),
        ("她指，離職或撤職的港鐵高層人員，會按聘用合約處理。", "dismissal"),
        ("5區農會的現任總幹事因退休或不續任，仍有28位登記連任。", "departure"),
        # what should not have happened is no sentence passed
        ("她认为，这个罪名是罗织的，耿某不该被判入狱3年。", "imprisonment"),
        # an upheaval called a quake; 機會|見 holds no meeting
        ("【港鐵地震】林鄭：全面追究", "earthquake"),
        ("過程中他沒有機會見律師。", "meeting"),
        # many companies counted: market statistics, no one's happening
        ("【217家科创板公司IPO募资超3000亿元 审核效率显著提升】", "listing"),
        ("2023年，港股共有73家公司上市，较2022年下跌19%。", "listing"),
        # the same period a year before, given for comparison
        ("蓝色光标2022年由盈转亏，2021年同期净利润则为5.22亿元。", "earnings"),
        # a condition that opens the clause, however far before the trigger
        ("倪學仁續指，如果港鐵要就測試結果進行民事索償或警方要進行刑事檢控的話，單靠超音波檢測結果並不夠精準。", "indictment"),
        # a wish; a deal's break fee
        ("捷克当选总统近日同蔡英文进行通话，并表示希望亲自见面。", "meeting"),
        ("若是终止收购，英特尔将向高塔支付3.53亿美元的分手费。", "breakup"),
        ("各旅行社要加强培训，杜绝重大投诉的发生。", "whistleblowing"),
        ("“奥斯汀部长绝对应该被解雇。”格林说。", "dismissal"),
        ("他去超市购买了一些资产管理类书籍。", "acquisition"),
        # a step someone says they do not mean to take
        ("李明表示不打算加入民主党。", "joining"),
        # a quote in spoken Cantonese tells views and plans, no event of the story
        ("賴嘉欣說：「而家人數都未夠，星期日我哋會有罷工公投，然後先罷。」", "strike"),
        ("他說：「佢哋犧牲自己上街，要請番佢哋，支持佢哋。」", "protest"),
        # 會|見到 is seeing, no meeting; 被捕人 is a person, no arrest; 出任不同崗位 no post
        ("每次醫院爆煲，你會見到最辛苦的都是老人家。", "meeting"),
        ("曾志健亦已經由被捕人變為被告。", "arrest"),
        ("曾蔭權其後任政務官，出任不同崗位，打滾官場45年。", "appointment"),
        # ways to celebrate put on are no product; 实施细则 is a noun, no policy put in force
        ("在黄浦江徐汇滨江沿线，商圈围绕冰场演艺、灯光造梦等多元形式，推出多种跨年玩法。", "product_launch"),
        ("通報交代計劃為期5年，實施細則由試點地區政府自行制定。", "policy_launch"),
        ("政策出台后，市场反应积极。", "policy_launch"),
        ("公司将就此事征求意见。", "policy_launch"),
        ("日方应当向受害者道歉。", "apology"),
        ("乘客向列车长提出要求邻座旅客道歉。", "apology"),
        ("曾某指当选特首后会继续落区。", "appointment"),
        ("他于案发时担任议员张某的助理。", "appointment"),
        ("美国阻碍新的任命，使得世贸越来越难运作。", "appointment"),
        ("他表示，王主席提出的全球治理倡议高瞻远瞩。", "policy_launch"),
        ("美联储对于降息将继续采取观望态度。", "rate_cut"),
        ("他批评英国脱欧后和欧盟的关系安排。", "withdrawal"),
        ("五座城市共计5个新站点上线开放。", "product_launch"),
        ("她擅长民事诉讼和商业法。", "lawsuit"),
        ("警方悬赏5万元缉拿犯罪嫌疑人。", "arrest"),
        ("俄罗斯联邦侦查委员会计划对落网人员立案。", "arrest"),
        ("对直接抓获犯罪嫌疑人的，奖励人民币五万元。", "arrest"),
        ("截至当天傍晚，王某还未落网。", "arrest"),
        ("新四军十六旅与一师主力部队在煤山镇会师。", "advancement"),
        ("据悉，在二审开庭前夕，张某突然写信。", "hearing"),
        ("律师多次到看守所要求会见当事人，均被拒绝。", "meeting"),
        ("该活动广获好评。", "praise"),
        ("他指出，北斗公司要集中力量攻克关键技术难题。", "research_result"),
        ("预计未来两天仍有降雨，需警惕可能引发的山洪等次生灾害。", "flood"),
        ("由于没有获得股票奖励，他的薪酬总额下降。", "award"),
        ("他已注销了自己的微博账号。", "dissolution"),
        ("全市去年共查处违法案件120起。", "case_filing"),
        ("阳光集团是本届马拉松的赞助商。", "donation"),
    ],
)
def test_a_near_miss_is_no_event(nlp, text, event_type):
    assert event_type not in [e.type for e in _events(nlp, text)]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a company deregistered
        ("经营者为王某的家电维修部现已注销。", "dissolution"),
        ("上述两家公司均已发布注销备案信息。", "dissolution"),
        # 查处 one named case
        ("警方近日依法查处了发生在某中学的一起校园欺凌案件。", "case_filing"),
        # 免去其职务
        ("会议宣布免去其在市足协的职务。", "dismissal"),
        # a branch set up, an exhibition put on
        ("星河集团在上海开设首家旗舰店。", "opening"),
        # tea with a head of state
        ("王刚在钓鱼台与德国总理茶叙。", "meeting"),
        # 营业额 with a figure
        ("星河电子公司前9个月营业额921.4亿元，同比增长29.5%。", "earnings"),
        # taken on by an employer; a criminal investigation opened; a judgment handed down
        ("李明几年前受聘清华大学高等研究院。", "joining"),
        ("當局表示，將會刑事調查起火原因。", "case_filing"),
        ("終院今日頒下 判詞 ，一致駁回入境處上訴。", "hearing"),
        # a cooperation told as done, its purpose in the next clause
        ("此次，谷歌还与Hugging Face合作，确保新模型在发布时得到全面支持。", "partnership"),
        # a company's own subsidiaries counted are parties, not statistics
        ("福莱特公告，公司及其4家子公司与隆基股份旗下13家子公司签署补充协议。", "partnership"),
        # a quote in written Chinese still tells its event
        ("他說：「警方今日拘捕了三名男子。」", "arrest"),
        # 响应 is no 应 (should): 响应罢工 joined a strike; 若非 presupposes what it names
        ("他早在6月12日就響應罷工，是最早表態的黃店之一。", "strike"),
        ("陳志明若非年初被捕遭還柙，早已出國讀書。", "arrest"),
        # a memorandum or a letter of intent signed with a partner
        ("会后，丁薛祥同曼图罗夫签署会议纪要。", "partnership"),
        ("公司控股股东与新疆天正签订了纾困暨股票收购意向书。", "partnership"),
        # a stake bought (购买…股权), not things bought
        ("电能股份公告，公司拟发行股份购买西南设计54.61%股权、芯亿达49%股权。", "acquisition"),
        # a regulation amended
        ("此舉促成中央加速修正房屋稅條例，將單一自住房屋優惠正式入法。", "policy_launch"),
        # many companies done to in one act: one summons
        ("南宁市全面整治房地产市场，全市120家房企被约谈。", "summons"),
    ],
)
def test_the_event_is_found(nlp, text, event_type):
    assert event_type in [e.type for e in _events(nlp, text)]


@pytest.mark.parametrize(
    ("text", "event_type", "check"),
    [
        # 来华 names its destination: a visit though no role takes it
        ("伊朗总统佩泽希齐扬来华出席峰会。", "visit", lambda e: e.roles["visitor"] == ["佩泽希齐扬"]),
        # a refusal is a denial
        ("该旅客拒绝道歉。", "apology", lambda e: e.status == "denied"),
        # a country in front of its representative is not where it happened
        ("英国首相周五与德国总理茶叙。", "meeting", lambda e: "德国" not in e.roles.get("place", [])),
    ],
)
def test_trigger_status_and_place_classes(nlp, text, event_type, check):
    (event,) = [e for e in _events(nlp, text) if e.type == event_type]
    assert check(event), event.roles


def test_who_thanks_inside_a_quote_is_who_opened_it(nlp):
    """表示：「…。感謝…」 past a sentence break of the quote: the thanker is the one quoted,
    not the next paragraph's speaker, whose own thanks stay apart."""
    text = (
        "市長黃偉哲致贈慰問品予特搜隊同仁，表示：「花蓮發生災情，台南市理當伸出援手。"
        "感謝特種搜救隊不畏艱難深入災區。」\n局長李明峯表示：「感謝所有同仁迅速出發前往第一線。」"
    )
    thanks = {e.get("thanked"): e.get("thanker") for e in _events(nlp, text, "thanks")}
    assert thanks.get("特種搜救隊") == "黃偉哲"
