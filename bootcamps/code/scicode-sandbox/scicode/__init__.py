# bootcamp-eval's stand-in for the SciCode package inside the sandbox: what its test cases import.
