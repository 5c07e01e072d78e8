// PROJ engine in progress
