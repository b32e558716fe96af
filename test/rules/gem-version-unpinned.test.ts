import rule from '../../rules/gem-version-unpinned.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM ruby:3.3\nRUN gem install bundler:2.5.23\n',
    "FROM ruby:3.3\nRUN gem install bundler -v '2.5.23'\n",
    'FROM ruby:3.3\nRUN gem install bundler --version=2.5.23\n',
    'FROM ruby:3.3\nRUN gem install nokogiri:1.16.7 -- --use-system-libraries true\n',
    'FROM ruby:3.3\nRUN gem install nokogiri:1.16.7 --with-xml2-dir /usr\n',
    'FROM ruby:3.3\nRUN gem install ./vendor/app-1.0.gem\n',
    { name: 'version from an ARG', code: 'FROM ruby:3.3\nARG BUNDLER=2.5.23\nRUN gem install bundler:$BUNDLER\n' },
  ],
  invalid: [
    { code: 'FROM ruby:3.3\nRUN gem install bundler\n', errors: [{ line: 2, column: 17, endColumn: 24, message: 'Pin the version of `bundler`: `gem install bundler:<version>`' }] },
    { name: 'gem i, one of two unpinned', code: 'FROM ruby:3.3\nRUN gem i bundler:2.5.23 nokogiri\n', errors: [{ column: 26 }] },
    { name: 'boolean options between gem names: one finding naming both', code: 'FROM ruby:3.3\nRUN gem install -N rails --no-document rake\n', errors: [{ column: 20, endColumn: 44, message: /versions of `rails` and `rake`/ }] },
    { name: 'heredoc script', code: 'FROM ruby:3.3\nRUN <<EOF\ngem install rake\nEOF\n', errors: [{ line: 3 }] },
    { name: 'ONBUILD trigger', code: 'FROM ruby:3.3\nONBUILD RUN gem install bundler\n', errors: 1 },
  ],
});
