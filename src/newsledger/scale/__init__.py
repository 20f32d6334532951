"""Scale-out: the per-document pipeline inside Apache Spark."""
