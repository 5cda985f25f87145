// Checker entry point; rules follow in this folder.
return 0;
