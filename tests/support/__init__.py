"""Test support code shared by the tests (and the benchmarks): one module per job."""
