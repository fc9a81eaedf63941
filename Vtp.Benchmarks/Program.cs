// Entry point of the benchmarks (each benchmark arrives with the issue that asks for it).
return 0;
