package io.essays.markdown;

/** One TeX formula as written between dollars (without them), and whether it is display math. */
public record Formula(String tex, boolean display) {
}
