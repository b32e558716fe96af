<?php

namespace App;

final class Greeting
{
    public function text(): string
    {
        return 'hello';
    }
}
