"""The project documents itself: every model, seed, macro and mart column has a description, every mart
enforces its contract, and every lifecycle mart is read by an exposure. (`make test` runs `dbt docs generate`
after the build.)"""

from __future__ import annotations

import pytest
from dbt.contracts.graph.manifest import Manifest

from conftest import Dataset, Project


@pytest.fixture(scope="module")
def manifest(default_dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Manifest:
    project = Project(default_dataset, tmp_path_factory.mktemp("docs"))
    result = project.dbt("parse")
    assert result.success, "dbt parse failed"
    return result.result


def own_nodes(manifest: Manifest, resource_type: str) -> list:
    return [n for n in manifest.nodes.values() if n.resource_type == resource_type and n.package_name == "lead_funnel"]


def test_every_model_and_seed_is_described(manifest: Manifest) -> None:
    undocumented = [n.name for n in own_nodes(manifest, "model") + own_nodes(manifest, "seed") if not n.description]
    assert undocumented == []


def test_every_macro_is_described(manifest: Manifest) -> None:
    """Every macro a model calls; an engine's implementation (`default__x`, `spark__x`) is documented with `x`,
    and a generic test (`test_x`) in its own file."""
    own = [m for m in manifest.macros.values() if m.package_name == "lead_funnel"]
    undocumented = [m.name for m in own if "__" not in m.name and not m.name.startswith("test_") and not m.description]
    assert undocumented == []


def test_every_mart_column_is_described_typed_and_under_contract(manifest: Manifest) -> None:
    marts = [n for n in own_nodes(manifest, "model") if n.fqn[1] == "marts"]
    assert {"dim_leads", "fct_lead_stage_transitions", "fct_funnel_cohorts"} <= {n.name for n in marts}
    problems = []
    for mart in marts:
        if not mart.config.contract.enforced:
            problems.append(f"{mart.name}: contract not enforced")
        if not mart.columns:
            problems.append(f"{mart.name}: no columns listed")
        for column in mart.columns.values():
            if not column.description.strip():
                problems.append(f"{mart.name}.{column.name}: no description")
            if not column.data_type:
                problems.append(f"{mart.name}.{column.name}: no data_type")
    assert problems == []


def test_every_lifecycle_mart_is_read_by_an_exposure(manifest: Manifest) -> None:
    read = {dep for exposure in manifest.exposures.values() for dep in exposure.depends_on.nodes}
    lifecycle = {n.unique_id for n in own_nodes(manifest, "model") if n.fqn[1:3] == ["marts", "lifecycle"]}
    assert lifecycle, "no lifecycle marts found"
    assert lifecycle - read == set()
