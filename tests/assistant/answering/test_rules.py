"""The rules table and the shape of the answering package: every number named once and
documented, loadable from a file with clear errors, and stages small enough to read."""

import ast
import json
from pathlib import Path

import pytest

from assistant.answering import Answerer
from assistant.answering.rules import Rules
from base.errors import SettingsError
from base.settings import Settings
from tests.conftest import ROOT

PACKAGE = ROOT / "assistant" / "answering"
LEXICON = [ROOT / "base" / "places.py", *sorted((ROOT / "base" / "lexicon").glob("*.py"))]
ALLOWED_FLOATS = {0.0, 1.0, 0.5}


def test_every_rule_has_a_line_of_why():
    table = Rules().table()
    assert len(table) > 100
    for group, name, value, why in table:
        assert why and len(why) > 15, f"{group}.{name} is not documented"
        assert isinstance(value, int | float | dict), f"{group}.{name}"


def test_rules_load_from_a_file_and_replace_by_name(tmp_path):
    path = tmp_path / "fitted.json"
    path.write_text(json.dumps({"confidence": {"threshold": 0.4}, "trained_on": ["a"]}))
    rules = Rules.load(path)
    assert rules.confidence.threshold == 0.4 and rules.trained_on == ("a",)
    assert rules.place == Rules().place
    assert Rules().replace(**{"place.in_title": 0.7}).place.in_title == 0.7
    saved = tmp_path / "all.json"
    rules.save(saved)
    assert Rules.load(saved) == rules


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "Không đọc được tệp quy tắc"),
        ('{"nhom": {"x": 1}}', "không có nhóm 'nhom'"),
        ('{"place": {"in_titel": 0.7}}', "Không có quy tắc 'place.in_titel'"),
        ('{"place": {"in_title": "cao"}}', "phải là một số"),
        ('{"gather": {"passages": 2.5}}', "phải là số nguyên"),
        ('{"rank": {"weights": {"prior": "x"}}}', "bảng tên → số"),
        ("[1, 2]", "phải là một đối tượng JSON"),
    ],
)
def test_a_bad_rules_file_is_refused_naming_the_entry(tmp_path, content, message):
    path = tmp_path / "rules.json"
    path.write_text(content)
    with pytest.raises(SettingsError, match=message):
        Rules.load(path)


def test_rules_weighing_an_unknown_feature_are_refused(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"rank": {"weights": {"no_such_feature": 1.0}}}))
    settings = Settings.from_env().replace(rules_file=path)
    with pytest.raises(SettingsError, match="no_such_feature"):
        Answerer(None, None, None, settings)


def test_the_abstention_threshold_has_one_home(tmp_path):
    settings = Settings.from_env()
    answerer = Answerer(None, None, None, settings)
    assert answerer.threshold == Rules.default().confidence.threshold
    assert Answerer(None, None, None, settings.replace(min_confidence=0.6)).threshold == 0.6
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = f"{Rules.default().confidence.threshold:.2f}".replace(".", ",")
    assert f"`NTM_MIN_CONFIDENCE` | `{shown}`" in readme or f"({shown})" in readme


def _modules():
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_of_the_answering_package_or_the_lexicon_is_over_600_lines():
    for path in _modules() + [p for p in LEXICON if p.exists()]:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 600, f"{path.relative_to(ROOT)}: {lines} lines"


def test_no_function_of_the_answering_package_is_over_80_lines():
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = node.end_lineno - node.lineno + 1
                assert size <= 80, f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {size}"


def test_the_stages_name_every_number_in_the_rules_table():
    """No float literal but 0, 1 and 0.5 outside the rules table."""
    found = []
    for path in _modules():
        if path.name == "rules.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and type(node.value) is float:
                if node.value not in ALLOWED_FLOATS:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value}")
    assert not found, found


def test_the_readme_says_which_files_a_new_type_indicator_or_feature_touches():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("assistant/answering/kinds/", "assistant/answering/features.py", "rules.py"):
        assert name in readme
    assert Path(PACKAGE / "kinds" / "__init__.py").exists()


def test_ntm_rules_prints_the_table_and_names_a_bad_rules_file(tmp_path, monkeypatch, capsys):
    from assistant.cli import main

    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "[confidence]" in out and "threshold = 0.25" in out
    bad = tmp_path / "fitted.json"
    bad.write_text('{"place": {"in_titel": 0.7}}')
    monkeypatch.setenv("NTM_RULES", str(bad))
    assert main(["rules"]) == 2
    err = capsys.readouterr().err
    assert "NTM_RULES" in err and "place.in_titel" in err and "fitted.json" in err
