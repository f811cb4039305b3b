module check {
    requires org.nae4j.core;
}
