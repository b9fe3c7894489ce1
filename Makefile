# Two commands on a fresh machine with Python 3.11+:  make demo  /  make test
# scripts/system-deps.sh checks the system packages and apt-get installs the missing ones
# (as root or via sudo -n): --demo for the venv, all of them (LibreOffice, poppler, CJK
# fonts, Chromium) before the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SYSDEPS := bash scripts/system-deps.sh

.PHONY: demo test docs bench serve clean

$(STAMP): pyproject.toml
	@PYTHON=$(PYTHON) $(SYSDEPS) --demo
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	@echo "== 政策目录（2023 年度，前 10 项） =="
	@$(BIN)/subsidykit programs --year 2023 | head -n 10
	@echo; echo "== 2023 智能制造示范工厂项目：项目总投入 2.5 亿元的最高补助 =="
	$(BIN)/subsidykit cap "2023/智能制造示范工厂项目" "2.5亿"
	@echo; echo "== 2023 高端化改造升级项目（重大技术改造）：总投入 12,000 万元 =="
	$(BIN)/subsidykit cap "2023/高端化改造升级项目/重大技术改造项目" "12,000"
	@echo; echo "== 多项合计：2023 专精特新中小企业能力提升项目（软硬件投入 1000 万元、贷款利息 100 万元） =="
	$(BIN)/subsidykit cap "2023/专精特新中小企业能力提升项目" --part 软硬件投入=1000 --part 贷款利息=100
	@echo; echo "== 按数量：2026 首台（套）装备示范应用项目，3 台（套）装备 =="
	$(BIN)/subsidykit cap "2026/首台（套）装备示范应用项目" --count 3
	@echo; echo "== 条件核对：满足的例子（退出码 0） =="
	$(BIN)/subsidykit check "2023/智能制造示范工厂项目" 项目总投入=3500 完工日期=2022年6月30日 软件投入=350 --only-given
	@echo; echo "== 条件核对：不满足的例子（退出码 1，演示中忽略） =="
	@$(BIN)/subsidykit check "2023/智能制造示范工厂项目" 项目总投入=2500 完工日期=2022.07.01 --only-given || echo "（退出码 $$?：有条件未满足）"
	@echo; echo "== 政策匹配：一个项目符合 2023 年度哪些项目、最高补助多少（退出码 0：至少一个符合） =="
	$(BIN)/subsidykit match --year 2023 --status 符合 项目总投入=6000 软件投入=600 开工日期=2021-3-1 完工日期=2022-6-30 示范级别=省级 规模以上工业企业=是 手续完备=是 已完成验收=是 成立日期=2015-3-1 注册地省份=江苏省 独立法人资格=是 近三年重大以上安全环保质量事故=否 严重失信行为=否 本专项资金已支持项目未完成验收=否 同一项目已获国家或省级财政资金支持=否
	@echo; echo "== 政策匹配：台账逐行匹配，写出一张工作表（符合、待补充，按最高补助排序） =="
	$(BIN)/subsidykit match --ledger examples/台账_2023.xlsx --year 2023 --out out/政策匹配_2023.xlsx --force
	@echo; echo "== 起草目录：由 2026 年度指南原文起草目录草稿（review: draft），再与手工目录对比 =="
	$(BIN)/subsidykit catalog draft "$${SUBSIDYKIT_SEEDS:-../shared/seeds}/004_4f6895fa74c99952.txt" --out out/draft_2026.yaml --force
	$(BIN)/subsidykit catalog diff 2026 out/draft_2026.yaml
	@echo; echo "== 真实性核查：推荐 47 个项目须核查几个 =="
	$(BIN)/subsidykit sample 47
	@echo; echo "== 由台账生成附件2 入库项目汇总表（含审核表、附件3/附件4） =="
	$(BIN)/subsidykit summary examples/台账_2023.xlsx --year 2023 --region 示例市 --out out/附件2_入库项目汇总表_2023.xlsx --forms out/ --force
	@echo; echo "== 项目登记簿（SQLite，out/登记簿.db）：导入往年支持名单和验收结果；同一文件再导入一次，登记簿不变 =="
	@rm -f out/登记簿.db
	$(BIN)/subsidykit register import examples/登记簿/2022_支持项目名单.xlsx --kind supported --db out/登记簿.db
	$(BIN)/subsidykit register import examples/登记簿/2022_验收结果.xlsx --kind accepted --db out/登记簿.db
	$(BIN)/subsidykit register import examples/登记簿/2022_支持项目名单.xlsx --db out/登记簿.db
	$(BIN)/subsidykit register list --db out/登记簿.db
	@echo; echo "== 按登记簿核对：2022 年已获支持、尚未验收的单位再申报 2023 年项目（退出码 1，演示中忽略） =="
	@$(BIN)/subsidykit check "2023/智能制造示范工厂项目" 统一社会信用代码=91320102PHQ46PN614 单位名称=示例北辰电子科技有限公司 申报年度=2023 项目总投入=3500 完工日期=2022年6月30日 软件投入=350 --only-given --db out/登记簿.db || echo "（退出码 $$?：有条件未满足）"
	@echo; echo "== 按登记簿校验申报表：验收未通过的单位（审核表、汇总表同样核对：--db） =="
	@$(BIN)/subsidykit validate examples/submissions/01_示例无锡华宇精密.xlsx --db out/登记簿.db --no-progress || echo "（退出码 $$?：有错误级别的问题）"
	$(BIN)/subsidykit summary examples/台账_2023.xlsx --year 2023 --region 示例市 --db out/登记簿.db --out out/附件2_入库项目汇总表_2023_登记簿核对.xlsx --force
	@echo; echo "== 设区市汇总：三个县（市、区）的台账合并为全市附件2（按 2021 年度每市限报数核对，跨县重复申报） =="
	$(BIN)/subsidykit summary examples/县区台账/*.xlsx --level city --region 徐州市 --year 2021 --out out/徐州市_附件2_2021.xlsx --force
	@echo; echo "== 批量校验示例申报表（含故意设置的问题，退出码 1 在演示中忽略） =="
	@rm -rf out/标注副本  # the demo's own earlier copies (annotated copies are never overwritten)
	@$(BIN)/subsidykit validate examples/submissions --report out/校验报告.xlsx --annotate out/标注副本 --force --no-progress || echo "（退出码 $$?：有错误级别的问题；报告见 out/校验报告.xlsx）"
	@$(BIN)/subsidykit programs --json > out/programs.json
	@echo; echo "全部项目的 JSON 已写入 out/programs.json"
	@echo; echo "== 工作表函数：用 formulas 公式引擎计算示例台账（不需要 Excel） =="
	TQDM_DISABLE=1 $(BIN)/python -m udfs.formulas_engine examples/台账_函数示例.xlsx --out out/台账_函数示例_计算结果.xlsx
	@echo; echo "== 政策匹配（工作表函数）：一行填写企业数据，后面的单元格给出最优项目与金额；下方溢出符合的全部项目 =="
	@$(BIN)/python examples/show_match_sheet.py out/台账_函数示例_计算结果.xlsx
	@echo; echo "== Excel 桌面加载项：由 addin/desktop 的文本源文件构建 .xlam =="
	$(BIN)/subsidykit addin build --out out/subsidykit.xlam
	@echo; echo "网页版/365 加载项：make serve（或 subsidykit serve），再在 Excel 中上传 http://127.0.0.1:8000/manifest 的清单"

test: $(STAMP)
	@PYTHON=$(PYTHON) $(SYSDEPS)
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/cli_bench.py
	$(BIN)/python benchmarks/udf_bench.py
	$(BIN)/python benchmarks/summary_bench.py
	$(BIN)/python benchmarks/validate_bench.py
	$(BIN)/python benchmarks/match_bench.py
	$(BIN)/python benchmarks/draft_bench.py
	$(BIN)/python benchmarks/draft_unseen.py
	$(BIN)/python benchmarks/register_bench.py
	$(BIN)/python benchmarks/server_load.py --clients 8 --seconds 60

serve: $(STAMP)
	$(BIN)/subsidykit serve

docs: $(STAMP)
	$(BIN)/subsidykit docs --out docs/catalog.md

clean:
	rm -rf $(VENV) out .pytest_cache
