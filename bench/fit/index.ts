// Fit benchmark entry point: runs the NIST StRD table (see ./nist-table, Moré 1978 LM engine).
import './nist-table';
