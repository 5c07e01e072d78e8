// GDAL engine in progress
