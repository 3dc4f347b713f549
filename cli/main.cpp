#include "app.hpp"

int main(int argc, char** argv) { return hark::cli::run(argc, argv); }
