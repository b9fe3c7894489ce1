"""苏工信综合〔2022〕567号: 申报入库项目数量不超过20个的…所有申报项目开展真实性核查；超过20个的，按照新增数量的20%累加核查."""

import pytest

from subsidykit.errors import BadInputError
from subsidykit.rules.sampling import sample_size


@pytest.mark.parametrize(
    "n, expected",
    [
        (0, 0),
        (1, 1),
        (20, 20),  # up to 20: all of them
        (21, 21),  # 20 + ceil(0.2 x 1) = 21 (不足一个按一个)
        (25, 21),  # 20 + ceil(0.2 x 5) = 21
        (26, 22),  # 20 + ceil(1.2) = 22
        (30, 22),  # 20 + 2
        (47, 26),  # 20 + ceil(5.4)
        (100, 36),  # 20 + 16
        (1000, 216),  # 20 + 196
    ],
)
def test_2023_sampling_all_up_to_20_then_20pct_of_extra_rounded_up(n, expected):
    assert sample_size(n).size == expected


def test_the_reading_is_stated_with_its_clause():
    s = sample_size(47)
    assert "000_e236479adaf7e68e.txt" in s.explanation and "向上取整" in s.explanation


@pytest.mark.parametrize("bad", [-1, "3.5", "许多"])
def test_bad_counts_raise(bad):
    with pytest.raises(BadInputError):
        sample_size(bad)
