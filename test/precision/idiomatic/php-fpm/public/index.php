<?php

require __DIR__ . '/../vendor/autoload.php';

echo (new App\Greeting())->text(), "\n";
