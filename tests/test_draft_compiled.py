"""A clerk's compiled working copy: a notice, then several policy documents pasted one after
another under "附件N", each with its own numbering (一、/（一） from a PDF, 第N条【标题】 from a web
page, 第一部分 / 1、 from a word processor).  Every document's programs are read; years past 2099
(the fictional years of a test) are years like any other."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from subsidykit.authoring.draft import draft_guide

from tests.test_draft_guides import assert_cited, by_title, validates, write

COMPILED = """\
【内部稿】2088年度市软件产业专项资金 申报材料汇编
说明：附件1-3为政策原文。

关于组织申报2088年度桃源市软件产业专项资金项目的通知

各区经信局：
现就2088年度专项资金申报工作通知如下：

一、申报条件
（一）在本市登记注册，具有独立法人资格。
二、申报时间
（一）2088年3月1日至3月31日。

附件：1.桃源市软件产业提升若干政策
      2.桃源市促进信息消费专项政策
      3.桃源市支持软件人才集聚的若干措施

==================================================================
附件1

桃源市软件产业提升若干政策

一、做强软件企业

（一）软件企业成长奖励。对营业收入首次突破1亿元的软件企业，
给予20万元奖励。

（二）软件著作权登记补助。对企业新登记软件著作权的，每件补
助500元，单个企业最高不超过5万元。

==================================================================
附件2

桃源市促进信息消费专项政策
发布日期:2087-05-02    来源:市政府办公室
【打印本页】  【关闭窗口】

第一条 为促进信息消费,制定本政策。
第二条 【体验中心建设】对新建成的信息消费体验中心,按建设投入的20%给予补助,最高不超过60万元。
第三条 【应用示范项目】对入选市级信息消费应用示范的项目,每个奖励15万元。
第四条 本政策自2087年6月1日起施行。

==================================================================
附件3

桃源市支持软件人才集聚的若干措施

第一部分  人才引进

1、领军人才安家补贴。对新引进的软件领军人才，给予一次性安家补贴40万元。
2、高校毕业生实习补贴。对接收高校毕业生实习的企业，按每人每月800元给予补贴。

第二部分  人才培训

3、软件工程师培训补贴。对企业开展软件工程师培训的，按培训费用的30%给予补贴，最高10万元。

------------------------------------------

桃源市数据中心节能改造扶持办法

第一条 【节能改造补助】对完成节能改造的数据中心，按改造投入的10%给予补助，最高不超过80万元。
"""


def test_each_pasted_document_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "汇编.txt", COMPILED)
    draft = draft_guide(path, year=2088)
    progs = by_title(draft)
    # the PDF's 一、/（一）
    assert progs["软件企业成长奖励"]["fixed"] == 20
    assert progs["软件著作权登记补助"]["cap"] == 5
    # the web page's 第N条【标题】
    assert progs["体验中心建设"]["rate"] == Decimal("0.2") and progs["体验中心建设"]["cap"] == 60
    assert progs["体验中心建设"]["guide"] == "桃源市促进信息消费专项政策"
    assert "应用示范项目" in progs
    # the word processor's 第一部分 / 1、, numbered on across its parts
    assert progs["领军人才安家补贴"]["fixed"] == 40
    assert progs["软件工程师培训补贴"]["guide"] == "桃源市支持软件人才集聚的若干措施"
    assert progs["软件工程师培训补贴"]["cap"] == 10
    assert "高校毕业生实习补贴" in progs
    # a document set off by a drawn line only, without "附件N"
    assert progs["节能改造补助"]["cap"] == 80
    assert progs["节能改造补助"]["guide"] == "桃源市数据中心节能改造扶持办法"
    assert_cited(draft, tmp_path)
    validates(draft)
